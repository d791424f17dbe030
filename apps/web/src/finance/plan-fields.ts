import { PLAN_CATEGORIES, type PlanCategory } from '@ccg-assure/domain';
import { CATEGORY_LABELS } from './plan-labels';

/** The amounts some years' rules take their percentage of (2015/16: both), by the id of their field. */
export type ExtraAmountFieldId = 'prior-year-running-costs' | 'better-care-fund-minimum';

/**
 * A figure of a plan, by the id of its input: error summary links point at it, and every problem and
 * pending reading names its field by it. Labels are looked up from the id for display only; nothing
 * branches on a label.
 */
export type FieldId = 'allocation' | ExtraAmountFieldId | `line-${PlanCategory}`;

export const lineFieldId = (category: PlanCategory): FieldId => `line-${category}`;

/** A field's name as a row or a label shows it, and as it reads inside a sentence ("Enter the …"). */
interface FieldWords {
  label: string;
  inSentence: string;
}

const words = (label: string, inSentence = label): FieldWords => ({ label, inSentence });

const FIELD_WORDS: Readonly<Record<FieldId, FieldWords>> = {
  allocation: words('Allocation', 'allocation'),
  'prior-year-running-costs': words('Prior-year running costs', 'prior-year running costs'),
  // A proper name: it keeps its capitals inside a sentence.
  'better-care-fund-minimum': words('Better Care Fund minimum contribution'),
  ...(Object.fromEntries(PLAN_CATEGORIES.map((category) => [lineFieldId(category), words(CATEGORY_LABELS[category])])) as Record<`line-${PlanCategory}`, FieldWords>),
};

/** "Prior-year running costs": the field's label, for display. */
export const fieldLabel = (field: FieldId): string => FIELD_WORDS[field].label;

/** "prior-year running costs": the field's name inside a sentence, for display. */
export const fieldInSentence = (field: FieldId): string => FIELD_WORDS[field].inSentence;
