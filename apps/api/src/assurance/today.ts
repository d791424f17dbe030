/**
 * Today's date in England, as an ISO calendar date: the one place assurance reads the clock. The domain
 * library never does (it takes `asOf`); resolvers and services pass this in.
 */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}
