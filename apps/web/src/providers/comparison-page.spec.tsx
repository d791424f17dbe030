import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import type { ProviderComparisonQuery } from '../gql/graphql';
import { demoCommissioningManager, renderApp, viewerMock } from '../testing/render-app';
import { ComparisonOptionsQuery, ProviderComparisonQuery as ProviderComparisonDocument } from './scorecard.operations';

const signedIn = viewerMock(demoCommissioningManager);
const optionsMock = {
  request: { query: ComparisonOptionsQuery },
  result: {
    data: {
      scorecardSummary: {
        asOf: '2019-03-01',
        indicators: [
          { code: 'AE_4HR_ALL', name: 'A&E: four-hour wait, all department types', unit: 'PERCENTAGE' },
          { code: 'AE_4HR_TYPE1', name: 'A&E: four-hour wait, type 1 departments', unit: 'PERCENTAGE' },
        ],
      },
    },
  },
};

const limits = { denominator: 21298, lower95: 84.9, upper95: 85.9, lower998: 84.6, upper998: 86.2 };
const comparison: ProviderComparisonQuery = {
  providerComparison: {
    indicator: {
      code: 'AE_4HR_ALL',
      name: 'A&E: four-hour wait, all department types',
      unit: 'PERCENTAGE',
      polarity: 'HIGHER_IS_BETTER',
      denominatorDefinition: 'A&E attendances, all types',
      source: 'NHS England, A&E Attendances and Emergency Admissions (monthly return)',
      definedByImport: true,
    },
    period: { startDate: '2019-03-01', label: 'March 2019' },
    standard: { threshold: 95, polarity: 'HIGHER_IS_BETTER' },
    target: 85.4,
    totalNumerator: 1700084,
    totalDenominator: 1989646,
    adjustment: 'ADDITIVE_RANDOM_EFFECTS',
    adjusted: true,
    overdispersionFactor: 602.18990158484701,
    tau2: 0.012038722055864065,
    providers: [
      { provider: { code: 'RR8', name: 'LEEDS TEACHING HOSPITALS NHS TRUST' }, value: 89.4, numerator: 19039, denominator: 21298, rank: 1, position: 'ABOVE_998', favourable: true },
      { provider: { code: 'RAE', name: 'BRADFORD TEACHING HOSPITALS NHS FOUNDATION TRUST' }, value: 85.5, numerator: 10260, denominator: 12000, rank: 2, position: 'WITHIN', favourable: null },
      { provider: { code: 'REM', name: 'AINTREE UNIVERSITY HOSPITAL NHS FOUNDATION TRUST' }, value: 74.7, numerator: 7470, denominator: 10000, rank: 3, position: 'BELOW_998', favourable: false },
    ],
    funnel: [
      { denominator: 1000, lower95: 83.2, upper95: 87.6, lower998: 82, upper998: 88.8 },
      limits,
    ],
  },
};

// The same month with limits from chance alone: narrower, so RAE falls outside them too.
const unadjusted: ProviderComparisonQuery = {
  providerComparison: {
    ...comparison.providerComparison,
    adjustment: 'NONE',
    adjusted: false,
    providers: comparison.providerComparison.providers.map((entry) => (entry.provider.code === 'RAE' ? { ...entry, position: 'BELOW_998', favourable: false } : entry)),
  },
};

const comparisonMock = (
  period: string,
  result: { data?: ProviderComparisonQuery; errors?: GraphQLError[] },
  adjustment: 'ADDITIVE_RANDOM_EFFECTS' | 'NONE' = 'ADDITIVE_RANDOM_EFFECTS',
) => ({
  request: { query: ProviderComparisonDocument, variables: { indicator: 'AE_4HR_ALL', period, adjustment } },
  result,
});

describe('provider comparison page', () => {
  it('defaults to the latest month and draws the funnel plot beside the ranking, picking out the provider asked for', async () => {
    renderApp('/providers/compare?provider=RR8', [signedIn, optionsMock, comparisonMock('2019-03-01', { data: comparison })]);
    expect(await screen.findByRole('heading', { level: 2, name: 'A&E: four-hour wait, all department types, March 2019' })).toBeInTheDocument();
    const chart = screen.getByRole('group', { name: /funnel plot/ });
    expect(within(chart).getAllByRole('img')).toHaveLength(3);
    expect(within(chart).getByRole('img', { name: /^AINTREE.*below the lower 99.8% limit: worse than expected$/ })).toHaveAttribute('fill', '#fab428');
    const ranking = screen.getByRole('table', { name: /providers ranked, best first/ });
    const rows = within(ranking).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toHaveTextContent('1LEEDS TEACHING HOSPITALS NHS TRUST (RR8)89.4%21,298Above 99.8% (better)');
    expect(rows[1]).toHaveClass('ccg-row--picked');
    expect(within(rows[3]).getByRole('link')).toHaveAttribute('href', '/providers/REM#AE_4HR_ALL');
    expect(screen.getByText(/LEEDS TEACHING HOSPITALS NHS TRUST \(RR8\) ranks 1 of 3, above the upper 99.8% limit: better than expected/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Download CSV of the ranking' })).toBeEnabled();
    expect(document.title).toBe('Compare providers: A&E: four-hour wait, all department types, March 2019 - CCG Assure');
  });

  it('allows for over-dispersion by default and says φ and τ² in plain words', async () => {
    renderApp('/providers/compare', [signedIn, optionsMock, comparisonMock('2019-03-01', { data: comparison })]);
    await screen.findByRole('table');
    const limits = screen.getByRole('group', { name: 'Funnel limits' });
    expect(within(limits).getByRole('radio', { name: 'Allowing for differences between providers (recommended)' })).toBeChecked();
    expect(within(limits).getByRole('radio', { name: 'Chance alone' })).not.toBeChecked();
    const explained = screen.getByRole('region', { name: 'How much providers differ beyond chance' });
    expect(explained).toHaveTextContent('Over-dispersion factor φ (phi): 602.19. These providers’ figures vary about 602.19 times as much as chance alone would make them vary; 1 would mean chance alone.');
    expect(explained).toHaveTextContent('Between-provider variance τ² (tau-squared): 0.012.');
    expect(explained).toHaveTextContent('The limits below add it to each provider’s own chance variation, so they are wider');
    expect(explained).toHaveTextContent('2 of 3 providers are outside the 99.8% limits shown.');
    expect(screen.getByText(/99.8% limits \(solid\), allowing for differences between providers/)).toBeInTheDocument();
  });

  it('switches to limits from chance alone and back', async () => {
    renderApp('/providers/compare?provider=RAE', [
      signedIn,
      optionsMock,
      comparisonMock('2019-03-01', { data: comparison }),
      comparisonMock('2019-03-01', { data: unadjusted }, 'NONE'),
      comparisonMock('2019-03-01', { data: comparison }),
    ]);
    await screen.findByRole('table');
    expect(screen.getByText(/\(RAE\) ranks 2 of 3, within the 95% limits\./)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('radio', { name: 'Chance alone' }));
    expect(await screen.findByText('3 of 3 providers are outside the 99.8% limits shown.')).toBeInTheDocument();
    expect(screen.getByText(/\(RAE\) ranks 2 of 3, below the lower 99.8% limit: worse than expected\./)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'How much providers differ beyond chance' })).toHaveTextContent('The limits below leave it out: they show chance alone');
    expect(screen.getByRole('radio', { name: 'Chance alone' })).toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Allowing for differences between providers (recommended)' }));
    expect(await screen.findByText('2 of 3 providers are outside the 99.8% limits shown.')).toBeInTheDocument();
  });

  it('opens on limits from chance alone when the address asks for them (adjustment=NONE)', async () => {
    renderApp('/providers/compare?adjustment=NONE', [signedIn, optionsMock, comparisonMock('2019-03-01', { data: unadjusted }, 'NONE')]);
    expect(await screen.findByText('3 of 3 providers are outside the 99.8% limits shown.')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Chance alone' })).toBeChecked();
    expect(screen.getByText(/99.8% limits \(solid\), chance alone/)).toBeInTheDocument();
  });

  it('says when providers vary no more than chance explains, so the limits are not widened', async () => {
    const calm: ProviderComparisonQuery = { providerComparison: { ...comparison.providerComparison, adjusted: false, overdispersionFactor: 0.93, tau2: 0.000086 } };
    renderApp('/providers/compare', [signedIn, optionsMock, comparisonMock('2019-03-01', { data: calm })]);
    const explained = await screen.findByRole('region', { name: 'How much providers differ beyond chance' });
    expect(explained).toHaveTextContent('Over-dispersion factor φ (phi): 0.93. These providers vary no more than chance alone would make them vary, so there is nothing to allow for.');
    expect(explained).toHaveTextContent('The limits below are not widened, because the providers vary no more than chance explains.');
  });

  it('compares the month chosen, and says when no provider has a value for it (NOT_FOUND)', async () => {
    const none = new GraphQLError('none', { extensions: { code: 'NOT_FOUND', reason: 'NO_VALUES_FOR_PERIOD' } });
    renderApp('/providers/compare?indicator=AE_4HR_ALL&period=2019-03-01', [
      signedIn,
      optionsMock,
      comparisonMock('2019-03-01', { data: comparison }),
      comparisonMock('2016-04-01', { errors: [none] }),
    ]);
    await screen.findByRole('table');
    const months = screen.getByLabelText('Month');
    expect(within(months).getAllByRole('option')).toHaveLength(36);
    await userEvent.selectOptions(months, 'April 2016');
    await userEvent.click(screen.getByRole('button', { name: 'Compare' }));
    expect(await screen.findByText('No provider has a value for April 2016. Choose another month.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
