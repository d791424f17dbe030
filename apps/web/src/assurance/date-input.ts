import { parseIsoDate } from '@ccg-assure/domain';

/**
 * True when a date field holds a calendar date written yyyy-mm-dd, as a date input gives it: the domain's
 * parseIsoDate decides (so '2015-02-30' is not one). Dates are then compared with compareIsoDates.
 */
export function isCalendarDate(value: string): boolean {
  try {
    parseIsoDate(value, 'date');
    return true;
  } catch {
    return false;
  }
}
