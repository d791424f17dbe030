import { AE_INDICATORS } from '../imports/kinds/ae-attendances.queries';

/** An indicator code as administrators define them: a capital letter, then capital letters, digits and _, at most 40 (decision 0031). */
export const INDICATOR_CODE = /^[A-Z][A-Z0-9_]{0,39}$/;

/**
 * Whether a national data import defines the indicator with its values (the A&E indicators, from the monthly A&E
 * return as published), rather than an administrator (decision 0031).
 */
export const isDefinedByImport = (code: string) => AE_INDICATORS.some((indicator) => indicator.code === code);
