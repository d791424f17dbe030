import { registerEnumType } from 'type-graphql';

/**
 * Where a version of a financial plan stands. A version moves only DRAFT -> SUBMITTED -> APPROVED or
 * RETURNED; after a return the finance officer starts a new draft version (issue 6).
 */
export enum FinancialPlanStatus {
  DRAFT = 'DRAFT',
  SUBMITTED = 'SUBMITTED',
  APPROVED = 'APPROVED',
  RETURNED = 'RETURNED',
}

registerEnumType(FinancialPlanStatus, {
  name: 'FinancialPlanStatus',
  description: 'Where a version of a financial plan stands: DRAFT, then SUBMITTED, then APPROVED or RETURNED.',
  valuesConfig: {
    DRAFT: { description: "Being prepared by the CCG's finance officers; the only status in which the figures can change." },
    SUBMITTED: { description: 'Submitted to NHS England for review; frozen.' },
    APPROVED: { description: 'Approved by an NHS England assessor; frozen. In-year forecasts are measured against it.' },
    RETURNED: { description: 'Returned by an NHS England assessor with a reason; frozen. The CCG starts a new draft version.' },
  },
});
