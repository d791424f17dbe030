/**
 * An assessment is overdue when its next due date (`nextAssessmentDue`) is before `asOf`; due today is not yet
 * overdue. A CCG never assessed has no due date and is not overdue (the workspace lists it separately).
 */
export function isAssessmentOverdue(nextDue: string | null, asOf: string): boolean {
  return nextDue !== null && nextDue < asOf;
}
