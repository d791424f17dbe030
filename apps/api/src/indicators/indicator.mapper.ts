import { isDefinedByImport } from './indicator-code';
import type { Indicator, Period, PeriodType, Polarity } from './indicator.type';
import type { IndicatorView } from './indicators.service';

/** An indicator as GraphQL shows it. */
export const toIndicator = (view: IndicatorView): Indicator => ({
  code: view.code,
  name: view.name,
  description: view.description,
  unit: view.unit,
  polarity: view.polarity as Polarity,
  periodType: view.periodType as PeriodType,
  numeratorDefinition: view.numeratorDefinition,
  denominatorDefinition: view.denominatorDefinition,
  source: view.source,
  definedByImport: isDefinedByImport(view.code),
});

/** A period as GraphQL shows it. */
export const toPeriod = (period: { type: string; startDate: string; endDate: string; label: string }): Period => ({
  type: period.type as PeriodType,
  startDate: period.startDate,
  endDate: period.endDate,
  label: period.label,
});
