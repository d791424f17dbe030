import { DomainError } from '../errors';
import { CitedSource, SEED_DOCUMENTS } from './cited-source';

/** The assurance scale, best first. Used both for a domain's rating and for the CCG's overall category. */
export const ASSURANCE_CATEGORY_CODES = ['OUTSTANDING', 'GOOD', 'LIMITED_ASSURANCE', 'NOT_ASSURED'] as const;
export type AssuranceCategory = (typeof ASSURANCE_CATEGORY_CODES)[number];

export interface AssuranceCategoryDefinition {
  readonly code: AssuranceCategory;
  readonly name: string;
  /** When the category is used. */
  readonly meaning: string;
  /** What follows for the CCG: the assurance approach and support or intervention. */
  readonly consequence: string;
  readonly source: CitedSource;
}

const seed = (text: string): CitedSource => ({
  basis: 'SEED',
  document: SEED_DOCUMENTS.ASSURANCE_AND_SPECIAL_MEASURES,
  text,
});

/** The four categories, ordered best first (seed 003, "Assurance categories"). */
export const ASSURANCE_CATEGORIES: readonly AssuranceCategoryDefinition[] = [
  {
    code: 'OUTSTANDING',
    name: 'Outstanding',
    meaning: 'The CCG has provided assurance that it is performing well across the domain areas.',
    consequence: 'Light-touch assurance.',
    source: seed(
      'Outstanding — this means that the CCG has provided assurance that it is performing well across the five domain areas. These CCGs will continue to have a “light touch” approach to assurance.',
    ),
  },
  {
    code: 'GOOD',
    name: 'Good',
    meaning: 'The CCG is well led with good organisational capability, or is managing a higher level of risk effectively.',
    consequence: 'The CCG produces its own improvement plan and reports its progress regularly to NHS England.',
    source: seed(
      'Good — this indicates that the CCG is well-led and has good organisational capability, or that the CCG is managing a higher level of risk effectively. The CCGs will be required to produce their own improvement plan and provide regular reports to NHS England on their progress.',
    ),
  },
  {
    code: 'LIMITED_ASSURANCE',
    name: 'Limited assurance (requires improvement)',
    meaning: 'The CCG shows serious performance or financial challenges together with a high level of risk.',
    consequence:
      'An improvement plan approved and monitored by NHS England, stating the consequences at each stage if it fails; NHS England may intervene if performance is poor; support may include buddying with a high-performing CCG.',
    source: seed(
      'Limited assurance, requires improvement — to be used in relation to CCGs exhibiting serious performance or financial challenges together with a high level of risk. CCGs within this category will be required to produce an improvement plan that is approved and monitored by NHS England. ... such as through “buddying up” with a highly performing CCG.',
    ),
  },
  {
    code: 'NOT_ASSURED',
    name: 'Not assured',
    meaning: 'NHS England is not assured of the CCG.',
    consequence:
      'NHS England makes a detailed assessment with the CCG of the underlying causes and the remedial actions for the improvement plan; new leadership if there is no confidence in it, otherwise operating parameters set by NHS England with direct oversight until the CCG improves. Special measures may apply.',
    source: seed(
      'Not Assured — In these circumstances, NHS England will undertake a detailed assessment with the CCG to determine the underlying causes and identify the remedial actions necessary in the improvement plan. If there is a lack of confidence in the CCG leadership, NHS England will work with the organisation to identify how new leadership can be established.',
    ),
  },
];

export function isAssuranceCategory(value: unknown): value is AssuranceCategory {
  return typeof value === 'string' && (ASSURANCE_CATEGORY_CODES as readonly string[]).includes(value);
}

/** Throws INVALID_CATEGORY (details: field, value, allowed) unless `value` is one of the four codes. */
export function requireAssuranceCategory(value: unknown, field = 'category'): AssuranceCategory {
  if (!isAssuranceCategory(value)) {
    throw new DomainError('INVALID_CATEGORY', `${field} must be one of ${ASSURANCE_CATEGORY_CODES.join(', ')}`, {
      field,
      value,
      allowed: [...ASSURANCE_CATEGORY_CODES],
    });
  }
  return value;
}

/** The category's definition (name, meaning, consequence, source); throws INVALID_CATEGORY. */
export function assuranceCategoryDefinition(code: AssuranceCategory): AssuranceCategoryDefinition {
  const valid = requireAssuranceCategory(code);
  return ASSURANCE_CATEGORIES[ASSURANCE_CATEGORY_CODES.indexOf(valid)];
}

/**
 * Orders categories by merit: positive when `a` is better than `b`, negative when worse, 0 when equal.
 * Sorting with `(a, b) => compareAssuranceCategories(b, a)` puts the best first.
 */
export function compareAssuranceCategories(a: AssuranceCategory, b: AssuranceCategory): number {
  return ASSURANCE_CATEGORY_CODES.indexOf(requireAssuranceCategory(b, 'b')) - ASSURANCE_CATEGORY_CODES.indexOf(requireAssuranceCategory(a, 'a'));
}
