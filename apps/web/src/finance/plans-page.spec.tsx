import { GraphQLError } from 'graphql';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { assessor, financeOfficer, storedPlan, version } from './financial-plan.fixtures';
import { FinancialPlanRegionsQuery, FinancialPlansQuery } from './financial-plans.operations';
import { plansCsv, type PlanRow } from './plans-export';

jest.setTimeout(20_000);

const noFilter = { region: null, financialYear: null, status: null, compliant: null, financialWarning: null, search: null };

function row(plan = storedPlan(), extra: Partial<PlanRow> = {}): PlanRow {
  return {
    __typename: 'FinancialPlan',
    id: plan.id,
    ccg: plan.ccg,
    financialYear: plan.financialYear,
    status: plan.status,
    compliant: plan.compliant,
    version: plan.version,
    illustrative: plan.illustrative,
    latestVersion: {
      __typename: 'FinancialPlanVersion',
      number: plan.latestVersion.number,
      allocation: plan.latestVersion.allocation,
      submittedAt: plan.latestVersion.submittedAt,
      decidedAt: plan.latestVersion.decidedAt,
      compliance: plan.latestVersion.compliance,
    },
    financialWarning: null,
    updatedAt: plan.updatedAt,
    ...extra,
  } as PlanRow;
}

const plansResult = (rows: PlanRow[], totalCount = rows.length) => ({
  data: {
    financialPlans: {
      __typename: 'FinancialPlanConnection',
      totalCount,
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
      edges: rows.map((node, index) => ({ __typename: 'FinancialPlanEdge', cursor: String(index), node })),
    },
  },
});

const plansMock = (filter: Record<string, unknown>, rows: PlanRow[]) => ({
  request: { query: FinancialPlansQuery, variables: { filter: { ...noFilter, ...filter }, first: 50 } },
  result: plansResult(rows),
});

const regionsMock = {
  request: { query: FinancialPlanRegionsQuery },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        edges: [{ __typename: 'OrganisationEdge', node: { __typename: 'Organisation', code: 'Y54', name: 'NORTH OF ENGLAND', closeDate: null, members: [{ __typename: 'OrganisationRelationship', validFrom: '2016-04-01', validTo: '2017-03-31' }] } }],
      },
    },
  },
};

const warned = row(storedPlan({ versions: [version({ number: 1, status: 'APPROVED' })] }), {
  id: '7f1c2f1e-0000-4000-8000-000000000002',
  financialYear: '2013/14',
  financialWarning: { __typename: 'FinancialWarning', month: '2014-09', adverseVariance: '2500000.00' } as PlanRow['financialWarning'],
});

describe('the England and region view', () => {
  it('shows each plan’s status, compliance, surplus, QIPP and warning at a glance', async () => {
    renderApp('/finance/plans', [viewerMock(assessor), regionsMock, plansMock({}, [row(), warned])]);
    const table = await screen.findByRole('table', { name: 'Financial plans' });
    const [draft, approved] = within(table).getAllByRole('row').slice(1);
    expect(draft).toHaveTextContent('NHS Leeds North CCG (02V)');
    expect(draft).toHaveTextContent('Draft');
    expect(draft).toHaveTextContent('Not metNon-recurrent fund short by £1,000,000.00');
    expect(draft).toHaveTextContent('£2,000,000.00');
    expect(draft).toHaveTextContent('£1,000,000.000.50% of allocation');
    expect(approved).toHaveTextContent('Approved');
    expect(approved).toHaveTextContent('Warning£2,500,000.00 over plan');
    expect(within(draft).getByRole('link', { name: /^NHS Leeds North CCG \(02V\).*2014\/15 plan$/ })).toHaveAttribute('href', '/finance/plans/02V/2014-15');
    expect(screen.getByRole('status')).toHaveTextContent('2 plans.');
  });

  it('filters by region, year, status and compliance through the address and the API', async () => {
    renderApp('/finance/plans', [viewerMock(assessor), regionsMock, plansMock({}, [row()]), plansMock({ region: 'Y54', financialYear: '2014/15', status: 'SUBMITTED', compliant: false }, [])]);
    await screen.findByRole('table', { name: 'Financial plans' });
    await screen.findByRole('option', { name: 'North of England (Y54)' });
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Region' }), 'Y54');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Financial year' }), '2014/15');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'Submitted');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Compliance' }), 'Does not meet every rule');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    expect(await screen.findByText('No plans match these filters.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear filters' })).toBeInTheDocument();
  });

  it('says so when the plans cannot be loaded, by the error’s code', async () => {
    const forbidden = new GraphQLError('No.', { extensions: { code: 'FORBIDDEN' } });
    renderApp('/finance/plans', [viewerMock(assessor), regionsMock, { request: { query: FinancialPlansQuery, variables: { filter: noFilter, first: 50 } }, result: { errors: [forbidden] } }]);
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this.');
  });

  it('exports every plan as CSV, money as exact numbers and a deficit as negative', () => {
    const deficit = row(storedPlan(), { latestVersion: { ...row().latestVersion, compliance: { ...row().latestVersion.compliance, plannedSurplus: '-1500000.25' } } });
    const lines = plansCsv([deficit]).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFCCG code,CCG name,Financial year,Status,Version,Complies,Rules not met,Allocation,Planned spend,Planned surplus (negative: deficit),QIPP requirement,QIPP % of allocation,Financial warning (month),Adverse variance,Illustrative,Last changed',
    );
    expect(lines[1]).toBe('02V,NHS LEEDS NORTH CCG,2014/15,Draft,1,No,"Non-recurrent fund (£1,000,000.00)",200000000,198000000,-1500000.25,1000000,0.50%,,,No,2014-02-02T09:00:00.000Z');
  });
});

describe('the finance landing page', () => {
  it('leads a finance officer to their own CCG’s plans, year by year', async () => {
    renderApp('/finance', [viewerMock(financeOfficer), { request: { query: FinancialPlansQuery, variables: { filter: { search: '02V' }, first: 50 } }, result: plansResult([row()]) }]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Finance' })).toBeInTheDocument();
    const own = await screen.findByRole('table', { name: 'NHS Leeds North CCG financial plans by year' });
    expect(within(own).getByRole('link', { name: '2014/15 plan' })).toHaveAttribute('href', '/finance/plans/02V/2014-15');
    expect(within(own).getByRole('link', { name: 'Start the 2015/16 plan' })).toHaveAttribute('href', '/finance/plans/02V/2015-16');
    expect(within(own).getByRole('row', { name: /2014\/15 plan/ })).toHaveTextContent('DraftDoes not meet 1 of 3 rules£1,000,000.00');
    expect(screen.queryByRole('link', { name: 'All financial plans' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check a financial plan' })).toHaveAttribute('href', '/finance/check');
  });

  it('leads an assessor to the England and region view', async () => {
    renderApp('/finance', [viewerMock(assessor)]);
    expect(await screen.findByRole('link', { name: 'All financial plans' })).toHaveAttribute('href', '/finance/plans');
    expect(screen.getByRole('link', { name: 'Plans waiting for a decision' })).toHaveAttribute('href', '/finance/plans?status=SUBMITTED');
  });

  it('tells anyone else that plans are for finance officers and assessors, and offers the what-if check', async () => {
    renderApp('/finance', [viewerMock(demoCommissioningManager)]);
    expect(await screen.findByText(/Financial plans are for CCG finance officers and NHS England assessors/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Check a financial plan' })).toBeInTheDocument();
  });
});
