import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { demoAdmin, renderApp, viewerMock } from '../testing/render-app';
import { CreateIndicatorMutation, IndicatorDefinitionsQuery, UpdateIndicatorMutation } from './indicators.operations';
import { SetStandardThresholdMutation } from './standards.operations';

jest.setTimeout(20_000);

// The indicator below is illustrative test data, not a real NHS definition.
function indicator(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'Indicator',
    code: 'AE_4HR_ALL',
    name: 'A&E: four-hour wait, all department types',
    description: 'Attendances seen within four hours',
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    periodType: 'MONTH',
    numeratorDefinition: 'Attendances within 4 hours',
    denominatorDefinition: 'All attendances',
    source: 'NHS England, A&E Attendances and Emergency Admissions (monthly return)',
    definedByImport: true,
    ...overrides,
  };
}
const rtt = indicator({
  code: 'TEST_RTT_18WK',
  name: 'RTT incomplete pathways within 18 weeks (illustrative)',
  description: null,
  numeratorDefinition: null,
  denominatorDefinition: null,
  source: 'Illustrative test data',
  definedByImport: false,
});
const listMock = (rows: ReturnType<typeof indicator>[]) => ({ request: { query: IndicatorDefinitionsQuery }, result: { data: { indicators: rows } } });
const definition = {
  name: 'RTT incomplete pathways within 18 weeks (illustrative)',
  description: null,
  unit: 'PERCENTAGE',
  polarity: 'HIGHER_IS_BETTER',
  periodType: 'MONTH',
  numeratorDefinition: null,
  denominatorDefinition: null,
  source: 'Illustrative test data',
};

describe('the indicators pages', () => {
  it('lists each indicator with its unit, period and direction, and a change link for each', async () => {
    renderApp('/admin/indicators', [viewerMock(demoAdmin), listMock([indicator()])]);
    const row = await screen.findByRole('row', { name: /A&E: four-hour wait/ });
    expect(within(row).getByText('Percentage (numerator out of denominator); monthly; higher is better')).toBeInTheDocument();
    expect(within(row).getByRole('link', { name: 'Change A&E: four-hour wait, all department types' })).toHaveAttribute('href', '/admin/indicators/AE_4HR_ALL');
  });

  it('lets an administrator define an indicator, then shows it in the list', async () => {
    renderApp('/admin/indicators/new', [
      viewerMock(demoAdmin),
      { request: { query: CreateIndicatorMutation, variables: { input: { code: 'TEST_RTT_18WK', ...definition } } }, result: { data: { createIndicator: rtt } } },
      listMock([indicator(), rtt]),
    ]);
    await userEvent.type(await screen.findByLabelText('Code'), 'TEST_RTT_18WK');
    await userEvent.type(screen.getByLabelText('Name'), ' RTT incomplete pathways within 18 weeks (illustrative) ');
    await userEvent.click(screen.getByRole('radio', { name: 'Percentage (numerator out of denominator)' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Higher is better' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Monthly' }));
    await userEvent.type(screen.getByLabelText('Source'), 'Illustrative test data');
    await userEvent.click(screen.getByRole('button', { name: 'Define the indicator' }));
    expect(await screen.findByText('RTT incomplete pathways within 18 weeks (illustrative) was saved.')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /TEST_RTT_18WK/ })).toBeInTheDocument();
  });

  it('names every missing field before sending anything, with the summary taking focus', async () => {
    renderApp('/admin/indicators/new', [viewerMock(demoAdmin)]);
    await userEvent.type(await screen.findByLabelText('Code'), 'rtt');
    await userEvent.click(screen.getByRole('button', { name: 'Define the indicator' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    expect(within(summary).getByRole('link', { name: /Enter a code that starts with a capital letter/ })).toHaveAttribute('href', '#indicator-code');
    for (const message of ['Enter the indicator’s name', 'Choose the unit', 'Choose which direction is better', 'Choose the period each value covers', 'Enter where the indicator’s data comes from']) {
      expect(within(summary).getByRole('link', { name: message })).toBeInTheDocument();
    }
  });

  it('changes a definition, showing the server’s refusal in words when the indicator has values', async () => {
    renderApp('/admin/indicators/TEST_RTT_18WK', [
      viewerMock(demoAdmin),
      listMock([indicator(), rtt]),
      {
        request: { query: UpdateIndicatorMutation, variables: { input: { code: 'TEST_RTT_18WK', ...definition, unit: 'COUNT' } } },
        result: { errors: [new GraphQLError('has values', { extensions: { code: 'CONFLICT', reason: 'INDICATOR_HAS_VALUES' } })] },
      },
    ]);
    expect(await screen.findByRole('heading', { name: 'Change RTT incomplete pathways within 18 weeks (illustrative)' })).toBeInTheDocument();
    expect(screen.getByLabelText('Name')).toHaveValue('RTT incomplete pathways within 18 weeks (illustrative)');
    await userEvent.click(screen.getByRole('radio', { name: 'Count' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the changes' }));
    expect(await within(await screen.findByRole('alert')).findByText('The indicator has values: its unit and period type cannot change now')).toBeInTheDocument();
  });

  it('sets the first national standard of an indicator an administrator defined', async () => {
    renderApp('/admin/indicators/TEST_RTT_18WK', [
      viewerMock(demoAdmin),
      listMock([indicator(), rtt]),
      {
        request: { query: SetStandardThresholdMutation, variables: { input: { code: 'TEST_RTT_18WK', financialYear: '2018/19', threshold: 92, reason: 'Illustrative standard' } } },
        result: { data: { setStandardThreshold: { __typename: 'StandardVersion', code: 'TEST_RTT_18WK', financialYear: '2018/19', validFrom: '2018-04-01', validTo: null, threshold: 92, reason: 'Illustrative standard' } } },
      },
    ]);
    const form = await screen.findByRole('form', { name: 'Its national standard' });
    await userEvent.selectOptions(within(form).getByLabelText('From the financial year'), '2018/19');
    await userEvent.type(within(form).getByLabelText('Threshold'), '92');
    await userEvent.type(within(form).getByLabelText('Why'), 'Illustrative standard');
    await userEvent.click(within(form).getByRole('button', { name: 'Set the standard' }));
    expect(await within(form).findByText('The standard of RTT incomplete pathways within 18 weeks (illustrative) is 92.0% from 2018/19.')).toBeInTheDocument();
  });

  it('offers no standard form for an A&E indicator, whose standards are on the national standards page', async () => {
    renderApp('/admin/indicators/AE_4HR_ALL', [viewerMock(demoAdmin), listMock([indicator(), rtt])]);
    expect(await screen.findByRole('heading', { name: 'Change A&E: four-hour wait, all department types' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Its national standard' })).toBeNull();
  });
});
