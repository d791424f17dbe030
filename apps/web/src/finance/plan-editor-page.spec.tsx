import { GraphQLError } from 'graphql';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import ExcelJS from 'exceljs';
import { renderApp, viewerMock } from '../testing/render-app';
import { answeredTo, assessor, financeOfficer, LINES_2014, storedPlan, version } from './financial-plan.fixtures';
import {
  ApproveFinancialPlanMutation,
  CreateFinancialPlanDraftMutation,
  FinancialPlanQuery,
  ReturnFinancialPlanMutation,
  SubmitFinancialPlanMutation,
  UpdateFinancialPlanDraftMutation,
} from './financial-plans.operations';
import { CATEGORY_LABELS } from './plan-labels';
import { bytesOf } from './spreadsheet-files';
import type { StoredPlan } from './financial-plan.fragment';

jest.setTimeout(30_000);

const planQuery = (plan: StoredPlan | null, errors?: GraphQLError[]) => ({
  request: { query: FinancialPlanQuery, variables: { ccg: '02V', financialYear: '2014/15' } },
  result: errors ? { errors } : { data: { financialPlan: plan } },
});

const serverLines = (lines: Record<string, string>) => Object.entries(lines).map(([category, amount]) => ({ category, amount }));

async function openPlan(viewer = financeOfficer, mocks: Parameters<typeof renderApp>[1] = [planQuery(storedPlan())]) {
  renderApp('/finance/plans/02V/2014-15', [viewerMock(viewer), ...answeredTo(viewer, mocks)]);
  await screen.findByRole('heading', { level: 1, name: /2014\/15 financial plan/ });
}

const summary = () => screen.getByText((_, element) => element?.id === 'compliance-summary');
const field = (name: string) => screen.getByRole('textbox', { name: `${name}, in pounds` });

describe('the plan editor', () => {
  it('shows the stored figures as a grid with percentages of allocation, and the compliance the server agrees with', async () => {
    await openPlan();
    expect(field('Acute')).toHaveValue('120000000.00');
    const grid = screen.getByRole('table', { name: 'Plan figures' });
    expect(within(grid).getByRole('row', { name: /^Acute/ })).toHaveTextContent('60.00%');
    expect(within(grid).getByRole('row', { name: /^Planned spend/ })).toHaveTextContent('£198,000,000.0099.00%');
    expect(summary()).toHaveTextContent('This plan does not meet 1 of the 3 2014/15 rules: Non-recurrent fund short by £1,000,000.00.');
    expect(screen.getByText(/The server's check of the saved version agrees with this one, to the penny/)).toBeInTheDocument();
  });

  it('flips compliance and changes the QIPP figure as a line changes, before anything is saved', async () => {
    await openPlan();
    const qipp = () => within(screen.getByRole('region', { name: /^Compliance with/ })).getByText('QIPP requirement').nextElementSibling;
    expect(qipp()).toHaveTextContent('£1,000,000.00 (0.50% of allocation)');
    // £1m off acute: QIPP = P + required set-asides - A falls to nothing, but the fund is still short.
    await userEvent.clear(field('Acute'));
    await userEvent.type(field('Acute'), '119000000');
    expect(qipp()).toHaveTextContent('£0.00 (0.00% of allocation)');
    expect(summary()).toHaveTextContent('This plan does not meet 1 of the 3 2014/15 rules: Non-recurrent fund short by £1,000,000.00.');
    await userEvent.clear(field('Non-recurrent fund'));
    await userEvent.type(field('Non-recurrent fund'), '5000000');
    expect(summary()).toHaveTextContent('This plan meets all 3 of the 2014/15 rules.');
    expect(within(screen.getByRole('table', { name: 'Plan figures' })).getByRole('row', { name: /^Non-recurrent fund/ })).toHaveTextContent('2.50%');
    expect(screen.getByText('You have changes that are not saved.')).toBeInTheDocument();
  });

  it('saves the draft with the version it was read at, and takes the saved plan as the new starting point', async () => {
    const lines = { ...LINES_2014, NON_RECURRENT_FUND: '5000000.00' };
    const saved = storedPlan({ version: 4, versions: [version({ number: 1, status: 'DRAFT', lines })] });
    await openPlan(financeOfficer, [
      planQuery(storedPlan()),
      {
        request: {
          query: UpdateFinancialPlanDraftMutation,
          variables: { input: { planId: saved.id, expectedVersion: 3, allocation: '200000000.00', lines: serverLines(lines), priorYearRunningCosts: null, betterCareFundMinimum: null } },
        },
        result: { data: { updateFinancialPlanDraft: saved } },
      },
    ]);
    await userEvent.clear(field('Non-recurrent fund'));
    await userEvent.type(field('Non-recurrent fund'), '5,000,000');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/^Draft saved: version 1/)).toBeInTheDocument();
    expect(field('Non-recurrent fund')).toHaveValue('5000000.00');
    expect(screen.queryByText('You have changes that are not saved.')).not.toBeInTheDocument();
  });

  it('on CONFLICT says someone else changed the plan, keeps the typed figures, and reloads on request with them still listed', async () => {
    const theirs = storedPlan({ version: 5, versions: [version({ number: 1, status: 'DRAFT', lines: { ...LINES_2014, ACUTE: '119000000.00' } })] });
    const stale = new GraphQLError('The plan has changed since it was read.', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    await openPlan(financeOfficer, [
      planQuery(storedPlan()),
      {
        request: { query: UpdateFinancialPlanDraftMutation, variables: (variables: Record<string, unknown>) => (variables.input as { expectedVersion?: number }).expectedVersion === 3 },
        result: { errors: [stale] },
      },
      planQuery(theirs),
    ]);
    await userEvent.clear(field('Non-recurrent fund'));
    await userEvent.type(field('Non-recurrent fund'), '5000000');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Your changes have not been saved');
    expect(alert).toHaveTextContent('Someone else changed this plan since you opened it. Your figures are still on this page, but they are not saved.');
    expect(field('Non-recurrent fund')).toHaveValue('5000000');
    await waitFor(() => expect(document.activeElement).toBe(alert));

    await userEvent.click(within(alert).getByRole('button', { name: 'Reload the plan' }));
    const reloaded = await screen.findByRole('alert');
    await within(reloaded).findByText('You are now seeing the latest version');
    expect(field('Acute')).toHaveValue('119000000.00');
    expect(field('Non-recurrent fund')).toHaveValue('4000000.00');
    const mine = within(reloaded).getByRole('table', { name: 'Your unsaved figures and the latest saved ones' });
    expect(within(mine).getByRole('row', { name: /Non-recurrent fund/ })).toHaveTextContent('£5,000,000.00£4,000,000.00');
    expect(within(mine).getByRole('row', { name: /Acute/ })).toHaveTextContent('£120,000,000.00£119,000,000.00');

    await userEvent.click(within(reloaded).getByRole('button', { name: 'Use my figures again' }));
    expect(field('Non-recurrent fund')).toHaveValue('5000000');
    expect(field('Acute')).toHaveValue('120000000.00');
    expect(screen.getByText('Your figures are back on the page. They are not saved yet.')).toBeInTheDocument();
  });

  it('sends nothing while a figure cannot be read, and takes the officer to the error summary', async () => {
    await openPlan();
    await userEvent.clear(field('Acute'));
    await userEvent.type(field('Acute'), '12.345');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    const problems = screen.getByRole('alert');
    expect(within(problems).getByRole('link', { name: 'Acute must be pounds and pence, with no more than 2 numbers after the decimal point' })).toHaveAttribute('href', '#line-ACUTE');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    // nothing is claimed about compliance while a figure cannot be read (issue 20)
    expect(summary()).toHaveTextContent('This plan cannot be checked until this amount is corrected: Acute.');
    expect(screen.queryByText(/This plan meets all/)).not.toBeInTheDocument();
  });

  it('is read-only once submitted, for its finance officer', async () => {
    await openPlan(financeOfficer, [planQuery(storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED' })] }))]);
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.getByText('This version is with NHS England for a decision, so its figures cannot be changed.')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Plan figures' })).getByRole('row', { name: /^Acute/ })).toHaveTextContent('£120,000,000.00');
  });

  it('offers its finance officer a new version of a returned plan, with NHS England’s reason', async () => {
    await openPlan(financeOfficer, [planQuery(storedPlan({ versions: [version({ number: 1, status: 'RETURNED', returnReason: 'Hold the full 2.5% fund.' })] }))]);
    expect(screen.getByText('“Hold the full 2.5% fund.”')).toBeInTheDocument();
    expect(screen.getByText('Change the figures and save to start version 2.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Save as version 2 (draft)' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit the plan' })).not.toBeInTheDocument();
  });

  it('offers what the plan’s available actions hold, not what its status suggests', async () => {
    // A draft the API says this officer may not change (say, a role withdrawn since the page was built).
    renderApp('/finance/plans/02V/2014-15', [viewerMock(financeOfficer), planQuery(storedPlan())]);
    await screen.findByRole('heading', { level: 1, name: /2014\/15 financial plan/ });
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit the plan' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Plan figures' })).getByRole('row', { name: /^Acute/ })).toHaveTextContent('£120,000,000.00');
  });

  it('labels an illustrative demo plan as such', async () => {
    await openPlan(financeOfficer, [planQuery(storedPlan({ illustrative: true }))]);
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Illustrative');
    expect(screen.getByRole('heading', { name: 'Illustrative data' })).toBeInTheDocument();
    expect(screen.getByText(/Figures invented for demonstration/)).toBeInTheDocument();
  });

  it('offers to start a plan when the CCG has none for the year', async () => {
    await openPlan(financeOfficer, [planQuery(null)]);
    expect(screen.getByText('NHS Leeds North CCG has no 2014/15 plan yet. Enter the figures and save a draft to start one.')).toBeInTheDocument();
    expect(field('Allocation')).toHaveValue('');
  });

  it('starts the plan with the first save, then changes that draft with the next', async () => {
    const started = storedPlan({ version: 1 });
    const changed = storedPlan({ version: 2, versions: [version({ number: 1, status: 'DRAFT', lines: { ...LINES_2014, NON_RECURRENT_FUND: '5000000.00' } })] });
    await openPlan(financeOfficer, [
      planQuery(null),
      {
        request: { query: CreateFinancialPlanDraftMutation, variables: { input: { ccg: '02V', financialYear: '2014/15', allocation: '200000000.00', lines: serverLines(LINES_2014), priorYearRunningCosts: null, betterCareFundMinimum: null } } },
        result: { data: { createFinancialPlanDraft: started } },
      },
      {
        request: {
          query: UpdateFinancialPlanDraftMutation,
          variables: { input: { planId: started.id, expectedVersion: 1, allocation: '200000000.00', lines: serverLines({ ...LINES_2014, NON_RECURRENT_FUND: '5000000.00' }), priorYearRunningCosts: null, betterCareFundMinimum: null } },
        },
        result: { data: { updateFinancialPlanDraft: changed } },
      },
    ]);
    await userEvent.type(field('Allocation'), '200000000');
    for (const [category, amount] of Object.entries(LINES_2014)) await userEvent.type(field(CATEGORY_LABELS[category as keyof typeof CATEGORY_LABELS]), amount);
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    expect(await screen.findByText(/^Draft saved: version 1/)).toBeInTheDocument();
    expect(screen.queryByText(/has no 2014\/15 plan yet/)).not.toBeInTheDocument();

    await userEvent.clear(field('Non-recurrent fund'));
    await userEvent.type(field('Non-recurrent fund'), '5000000');
    await userEvent.click(screen.getByRole('button', { name: 'Save draft' }));
    await waitFor(() => expect(field('Non-recurrent fund')).toHaveValue('5000000.00'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when the plan is another CCG’s, by the error’s reason', async () => {
    const notYours = new GraphQLError('Not your CCG.', { extensions: { code: 'FORBIDDEN', reason: 'NOT_YOUR_CCG' } });
    await openPlan(financeOfficer, [planQuery(null, [notYours])]);
    expect(screen.getByRole('alert')).toHaveTextContent("You can only see your own CCG's financial plans, not 02V's.");
  });
});

describe('submitting, approving and returning', () => {
  it('submits only after the officer confirms, with the version read', async () => {
    const submitted = storedPlan({ version: 4, versions: [version({ number: 1, status: 'SUBMITTED' })] });
    await openPlan(financeOfficer, [
      planQuery(storedPlan()),
      { request: { query: SubmitFinancialPlanMutation, variables: { input: { planId: submitted.id, expectedVersion: 3 } } }, result: { data: { submitFinancialPlan: submitted } } },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Submit the plan' }));
    const confirm = screen.getByRole('heading', { name: 'Submit version 1 of the 2014/15 plan for NHS Leeds North CCG?' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(screen.getByText(/You can still submit it: NHS England will see each rule it does not meet/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Yes, submit the plan' }));
    expect(await screen.findByText('Submitted to NHS England: version 1.')).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Acute, in pounds' })).not.toBeInTheDocument();
  });

  it('will not submit while there are unsaved changes', async () => {
    await openPlan();
    await userEvent.type(field('Acute'), '1');
    expect(screen.getByText('Save your changes before submitting.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Submit the plan' })).toBeDisabled();
  });

  it('lets an assessor approve a submitted plan after confirming', async () => {
    const submitted = storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED' })] });
    const approved = storedPlan({ version: 4, versions: [version({ number: 1, status: 'APPROVED' })] });
    await openPlan(assessor, [
      planQuery(submitted),
      { request: { query: ApproveFinancialPlanMutation, variables: { input: { planId: submitted.id, expectedVersion: 3 } } }, result: { data: { approveFinancialPlan: approved } } },
    ]);
    expect(within(screen.getByRole('form', { name: 'Plan figures' })).queryByRole('textbox')).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Approve the plan' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, approve the plan' }));
    expect(await screen.findByText('Approved: version 1.')).toBeInTheDocument();
  });

  it('needs a reason to return a plan, and sends it', async () => {
    const submitted = storedPlan({ versions: [version({ number: 1, status: 'SUBMITTED' })] });
    const returned = storedPlan({ version: 4, versions: [version({ number: 1, status: 'RETURNED', returnReason: 'Hold the full 2.5% fund.' })] });
    await openPlan(assessor, [
      planQuery(submitted),
      {
        request: { query: ReturnFinancialPlanMutation, variables: { input: { planId: submitted.id, expectedVersion: 3, reason: 'Hold the full 2.5% fund.' } } },
        result: { data: { returnFinancialPlan: returned } },
      },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Return the plan to the CCG' }));
    await userEvent.click(screen.getByRole('button', { name: 'Return the plan' }));
    expect(screen.getByText('Enter why the plan is being returned', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    // the NHS error summary appears, takes focus and links to the reason (issue 20)
    const problems = screen.getByRole('alert');
    expect(within(problems).getByRole('link', { name: 'Enter why the plan is being returned' })).toHaveAttribute('href', '#return-reason');
    await waitFor(() => expect(document.activeElement).toBe(problems));
    await userEvent.type(screen.getByRole('textbox', { name: /Why is it being returned/ }), 'Hold the full 2.5% fund.');
    await userEvent.click(screen.getByRole('button', { name: 'Return the plan' }));
    expect(await screen.findByText('Returned to the CCG: version 1.')).toBeInTheDocument();
    expect(screen.getByText('“Hold the full 2.5% fund.”')).toBeInTheDocument();
  });
});

describe('version history', () => {
  it('lists each version newest first with who did what, the return reason, and what changed', async () => {
    const versions = [
      version({ number: 1, status: 'RETURNED', returnReason: 'The non-recurrent fund is short.' }),
      version({ number: 2, status: 'DRAFT', lines: { ...LINES_2014, NON_RECURRENT_FUND: '5000000.00', ACUTE: '119000000.00' } }),
    ];
    await openPlan(financeOfficer, [planQuery(storedPlan({ versions }))]);
    const history = screen.getByRole('region', { name: 'Version history' });
    const items = [within(history).getByRole('listitem', { name: 'Version 2 Draft' }), within(history).getByRole('listitem', { name: 'Version 1 Returned' })];
    expect(items[0].compareDocumentPosition(items[1]) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(items[1]).toHaveTextContent('Reason for returnThe non-recurrent fund is short.');
    expect(items[1]).toHaveTextContent('Returned');
    expect(items[1]).toHaveTextContent('by Demo Assessor');
    const changes = within(items[0]).getByRole('table', { name: 'Figures changed from version 1 to version 2' });
    expect(within(changes).getAllByRole('row').slice(1).map((row) => row.textContent)).toEqual([
      'Acute£120,000,000.00£119,000,000.00-£1,000,000.00',
      'Non-recurrent fund£4,000,000.00£5,000,000.00+£1,000,000.00',
    ]);
    expect(items[0]).toHaveTextContent('The plan now meets every rule.');
  });
});

describe('import and export', () => {
  const csv = (acute: string) =>
    [
      'Field,Value',
      'CCG code,02V',
      'Financial year,2014/15',
      'Allocation,200000000',
      `Acute,${acute}`,
      'Mental health,20000000',
      'Community,16000000',
      'Primary care,8000000',
      'Prescribing,24000000',
      'Continuing care,2000000',
      'Running costs,3000000',
      'Contingency,1000000',
      'Non-recurrent fund,5000000',
    ].join('\r\n');

  it('fills the figures from a good file without saving them', async () => {
    await openPlan();
    await userEvent.upload(screen.getByLabelText('Import figures from a file'), new File([csv('118000000')], 'plan.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import the figures' }));
    expect(await screen.findByText(/Imported the allocation and 9 lines from plan.csv. Check the figures and save the draft: nothing has been saved yet./)).toBeInTheDocument();
    expect(field('Acute')).toHaveValue('118000000.00');
    expect(summary()).toHaveTextContent('This plan meets all 3 of the 2014/15 rules.');
    expect(screen.getByText('You have changes that are not saved.')).toBeInTheDocument();
  });

  it('lists a bad file’s problems by cell, changes nothing and sends nothing', async () => {
    // No mutation is mocked: anything sent would fail the test with an unexpected-operation error.
    await openPlan();
    await userEvent.upload(screen.getByLabelText('Import figures from a file'), new File([csv('12.345')], 'plan.csv', { type: 'text/csv' }));
    await userEvent.click(screen.getByRole('button', { name: 'Import the figures' }));
    const problems = await screen.findByRole('alert');
    expect(problems).toHaveTextContent('plan.csv was not imported');
    expect(problems).toHaveTextContent("Cell B5: '12.345' has more than two decimal places");
    expect(problems).toHaveTextContent('Nothing from the file was imported or saved');
    expect(field('Acute')).toHaveValue('120000000.00');
    expect(screen.queryByText('You have changes that are not saved.')).not.toBeInTheDocument();
  });

  it('exports the figures on the page to an .xlsx workbook holding the lines', async () => {
    const made: Blob[] = [];
    const createObjectURL = jest.fn((blob: Blob) => {
      made.push(blob);
      return 'blob:plan';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      await openPlan();
      await userEvent.click(screen.getByRole('button', { name: 'Export the plan (.xlsx)' }));
      await waitFor(() => expect(made).toHaveLength(1));
      const workbook = new ExcelJS.Workbook();
      await act(async () => {
        await workbook.xlsx.load(await bytesOf(Object.assign(made[0], { name: 'plan.xlsx' })));
      });
      const sheet = workbook.getWorksheet('Plan');
      expect([sheet?.getCell('A7').value, sheet?.getCell('B7').value]).toEqual(['Acute', 120000000]);
      expect([sheet?.getCell('A17').value, sheet?.getCell('B17').value]).toEqual(['Non-recurrent fund', 4000000]);
      expect(workbook.getWorksheet('Compliance')?.getCell('A4').value).toBe('Non-recurrent fund');
      expect(click).toHaveBeenCalled();
    } finally {
      click.mockRestore();
    }
  });
});
