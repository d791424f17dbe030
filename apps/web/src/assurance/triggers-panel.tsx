import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { AssuranceTriggerKind, AssuranceTriggersQuery as TriggersResult } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { planPath } from '../finance/stored-plan';
import { assessmentPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { AssuranceTriggersQuery } from './assessment.operations';
import type { Evidence } from './evidence';

export type AssuranceTrigger = TriggersResult['assuranceTriggers']['triggers'][number];

const KIND_WORDS: Record<AssuranceTriggerKind, string> = {
  INDICATOR_CONSISTENTLY_FAILING: 'Indicator consistently failing',
  INDICATOR_SPECIAL_CAUSE_CONCERN: 'Indicator: special-cause concern',
  PLAN_NOT_COMPLIANT: 'Financial plan not compliant',
  ADVERSE_FORECAST_VARIANCE: 'Adverse forecast variance',
  NOT_ASSURED_CATEGORY: 'Not assured',
  NOT_ASSURED_DOMAIN_RATING: 'Domain rated Not assured',
};

/** Where the trigger came from, as a link into the product: the scorecard chart, the plan, or the assessment. */
export function triggerSourceLink(trigger: AssuranceTrigger, ccg: string): { to: string; text: string } | null {
  const { source } = trigger;
  switch (source.kind) {
    case 'SCORECARD':
      return source.providerCode
        ? { to: `/providers/${encodeURIComponent(source.providerCode)}${source.indicatorCode ? `#${encodeURIComponent(source.indicatorCode)}` : ''}`, text: `${source.providerCode} scorecard` }
        : null;
    case 'FINANCIAL_PLAN':
      return source.financialYear ? { to: planPath(ccg, source.financialYear), text: `${source.financialYear} financial plan` } : null;
    case 'ASSESSMENT':
      return source.assessmentId ? { to: assessmentPath(source.assessmentId), text: `${source.quarterLabel ?? 'previous'} assessment` } : null;
    default:
      return null;
  }
}

/**
 * The warning signs beside the assessment form: failing indicators, a non-compliant plan, an adverse
 * forecast, a Not assured rating; each links to where it came from and can be cited as evidence.
 */
export function TriggersPanel({
  ccg,
  evidence,
  onCite,
  busy = false,
}: {
  ccg: string;
  evidence: readonly Evidence[];
  /** Cites the trigger as evidence; absent when the assessment cannot change. */
  onCite?: (trigger: AssuranceTrigger) => void;
  busy?: boolean;
}) {
  const { data, loading, error } = useQuery(AssuranceTriggersQuery, { variables: { ccg } });
  const result = data?.assuranceTriggers;
  const cited = (trigger: AssuranceTrigger) => evidence.some((item) => item.kind === trigger.evidenceKind && item.reference === trigger.evidenceReference);
  return (
    <section aria-labelledby="triggers-heading" className="nhsuk-card ccg-triggers">
      <div className="nhsuk-card__content">
        <h2 id="triggers-heading" className="nhsuk-heading-m">
          Triggers
        </h2>
        {loading && !data && <Loading label="Looking for triggers" />}
        {error && !data && <p className="nhsuk-body">The triggers could not be loaded. {describeError(error)}</p>}
        {result && result.triggers.length === 0 && <p className="nhsuk-body">No triggers: no failing indicators, plan or forecast concerns, or Not assured ratings.</p>}
        {result && result.triggers.length > 0 && (
          <ul className="nhsuk-list ccg-trigger-list">
            {result.triggers.map((trigger, index) => {
              const link = triggerSourceLink(trigger, ccg);
              const alreadyCited = cited(trigger);
              return (
                <li key={`${trigger.kind}-${trigger.title}-${index}`} className="ccg-trigger" data-trigger-kind={trigger.kind}>
                  <span className="ccg-trigger__kind">{KIND_WORDS[trigger.kind]}</span>
                  <strong className="ccg-block">{trigger.title}</strong>
                  <span className="ccg-block nhsuk-body-s">{trigger.detail}</span>
                  <span className="ccg-trigger__links">
                    {link && (
                      <Link to={link.to} className="nhsuk-link">
                        Open the {link.text}
                      </Link>
                    )}
                    {onCite &&
                      trigger.evidenceKind &&
                      (alreadyCited ? (
                        <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">Cited as evidence</span>
                      ) : (
                        <button type="button" className="ccg-link-button" disabled={busy} onClick={() => onCite(trigger)}>
                          Cite as evidence<span className="nhsuk-u-visually-hidden">: {trigger.title}</span>
                        </button>
                      ))}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
        {result && (
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
            {result.scorecardAsOf ? `Indicators judged on data to ${formatDate(result.scorecardAsOf)}` : 'No scorecard data to judge indicators on'}
            {result.providersConsidered.length > 0 ? `, for the ${result.providersConsidered.length} providers the scorecard relates to this CCG.` : '.'}
          </p>
        )}
      </div>
    </section>
  );
}
