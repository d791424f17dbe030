import type { FinancialPlanStatus } from '../gql/graphql';
import { STATUS_LABELS, STATUS_TAG_CLASSES } from './plan-labels';

/** A plan version's status as an NHS tag. */
export function StatusTag({ status }: { status: FinancialPlanStatus }) {
  return <strong className={`nhsuk-tag ${STATUS_TAG_CLASSES[status]}`}>{STATUS_LABELS[status]}</strong>;
}
