import { todayInEngland, type FinancialYear } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import { useViewer } from '../auth/viewer';
import { Loading } from '../ui/loading';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { FinancialPlanQuery } from './financial-plans.operations';
import { PlanEditor } from './plan-editor';
import { actionsWithoutPlan } from './plan-offers';
import { planYearFromSegment } from './stored-plan';

/** `/finance/plans/:ccg/:financialYear`: one CCG's plan for one year. */
export function PlanEditorPage() {
  const params = useParams();
  const ccg = (params.ccg ?? '').toUpperCase();
  const year = planYearFromSegment(params.financialYear);
  usePageTitle(year ? `${year.label} financial plan for ${ccg}` : 'Financial plan not found');
  if (!year) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Financial plan not found</h1>
        <p className="nhsuk-body">
          There are no financial planning rules for “{params.financialYear}”. <Link to="/finance">Go to Finance</Link> to choose a plan.
        </p>
      </>
    );
  }
  // The one reading of the clock for the page: the date in England (not UTC, which is yesterday between
  // 00:00 and 01:00 BST), passed down to whatever needs "today".
  const today = todayInEngland(new Date());
  return <LoadedPlan key={`${ccg}/${year.urlSegment}`} ccg={ccg} year={year} today={today} />;
}

function LoadedPlan({ ccg, year, today }: { ccg: string; year: FinancialYear; today: string }) {
  const financialYear = year.label;
  const { viewer } = useViewer();
  const { data, loading, error, refetch } = useQuery(FinancialPlanQuery, { variables: { ccg, financialYear } });
  if (loading && !data) return <Loading label="Loading the plan" />;
  if (error && !data) {
    const { code, reason } = errorCodes(error);
    const message =
      code === 'FORBIDDEN' && reason === 'NOT_YOUR_CCG'
        ? `You can only see your own CCG's financial plans, not ${ccg}'s.`
        : code === 'FORBIDDEN'
          ? "Financial plans are for the CCG's finance officers and NHS England assessors."
          : describeError(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">
          {financialYear} financial plan for {ccg}
        </h1>
        <div className="nhsuk-error-summary" role="alert" aria-labelledby="plan-error-title" tabIndex={-1}>
          <h2 className="nhsuk-error-summary__title" id="plan-error-title">
            The plan could not be shown
          </h2>
          <div className="nhsuk-error-summary__body">
            <p>{message}</p>
          </div>
        </div>
        <p className="nhsuk-body">
          <Link to="/finance">Go back to Finance</Link>
        </p>
      </>
    );
  }
  const plan = data?.financialPlan ?? null;
  const reload = async () => (await refetch()).data?.financialPlan ?? null;
  const knownName = plan?.ccg.name ?? viewer?.roles.find((assignment) => assignment.organisation.code.toUpperCase() === ccg)?.organisation.name;
  // The API says what the viewer may do to a plan; a plan not started yet has no answer to carry it.
  const actions = plan ? plan.availableActions : actionsWithoutPlan(viewer, ccg);
  return <PlanEditor plan={plan} ccg={ccg} ccgName={knownName ? organisationName(knownName) : ccg} financialYear={financialYear} actions={actions} today={today} reload={reload} />;
}
