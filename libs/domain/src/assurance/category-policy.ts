import { DomainError } from '../errors';
import {
  ASSURANCE_CATEGORY_CODES,
  AssuranceCategory,
  assuranceCategoryDefinition,
  compareAssuranceCategories,
  isAssuranceCategory,
  requireAssuranceCategory,
} from './assurance-categories';
import { ASSURANCE_FRAMEWORKS, AssuranceFramework, getAssuranceFramework } from './assurance-frameworks';
import { addCalendarMonths, requireIsoDate } from '../calendar/calendar-date';

/**
 * How an overall category is proposed from the domain ratings, as data. The four steps are fixed
 * (DOMAIN.md "Assurance category proposal"); their parameters are configurable:
 * 1. NOT_ASSURED if any critical domain of the framework is rated Not assured;
 * 2. otherwise LIMITED_ASSURANCE if any domain is Not assured, or at least `limitedCountThreshold` are Limited;
 * 3. otherwise OUTSTANDING if at least `outstandingCountThreshold` are Outstanding and none is below `outstandingFloor`;
 * 4. otherwise GOOD.
 */
export interface CategoryPolicy {
  readonly id: string;
  readonly description: string;
  /** Step 1: per framework id, the domains whose Not assured rating makes the CCG Not assured. */
  readonly criticalDomains: Readonly<Record<string, readonly string[]>>;
  /** Step 2: this many Limited ratings (or more) make the CCG Limited assurance. */
  readonly limitedCountThreshold: number;
  /** Step 3: this many Outstanding ratings (or more) make the CCG Outstanding ... */
  readonly outstandingCountThreshold: number;
  /** ... provided no domain is rated below this category. */
  readonly outstandingFloor: AssuranceCategory;
  /** Months from an assessment to the next one, by the category decided (risk based). */
  readonly reassessmentMonths: Readonly<Record<AssuranceCategory, number>>;
}

/**
 * The default policy, exactly DOMAIN.md "Assurance category proposal". For the 2015/16 framework the
 * critical components are WELL_LED and FINANCIAL_MANAGEMENT. For the 2013/14 framework (which has no
 * well-led or finance domain) they are STRONG_LEADERSHIP and ROBUST_GOVERNANCE: the 2015/16 well-led
 * component is "the robustness of the leadership of the CCG and governance arrangements", including
 * financial balance (seed 003), and in 2013/14 financial control sits under governance. See RULES.md.
 */
export const DEFAULT_CATEGORY_POLICY: CategoryPolicy = {
  id: 'default',
  description:
    'Not assured if well led or financial management is Not assured; otherwise Limited if any component is Not assured or two or more are Limited; otherwise Outstanding if at least three are Outstanding and none is below Good; otherwise Good.',
  criticalDomains: {
    '2013-14': ['STRONG_LEADERSHIP', 'ROBUST_GOVERNANCE'],
    '2015-16': ['WELL_LED', 'FINANCIAL_MANAGEMENT'],
  },
  limitedCountThreshold: 2,
  outstandingCountThreshold: 3,
  outstandingFloor: 'GOOD',
  reassessmentMonths: { OUTSTANDING: 12, GOOD: 6, LIMITED_ASSURANCE: 3, NOT_ASSURED: 1 },
};

/** One domain's rating in an assessment. */
export interface DomainRating {
  readonly domain: string;
  readonly rating: AssuranceCategory;
}

/** An assessment's ratings: every domain of the framework rated exactly once. */
export interface AssuranceRatings {
  /** Framework id, e.g. '2015-16'. */
  readonly framework: string;
  readonly ratings: readonly DomainRating[];
}

export type CategoryStep = 1 | 2 | 3 | 4;

export type CategoryRule =
  | 'CRITICAL_DOMAIN_NOT_ASSURED'
  | 'NOT_ASSURED_OR_LIMITED_COUNT'
  | 'OUTSTANDING_COUNT'
  | 'OTHERWISE_GOOD';

/** The outcome of one step of the policy: whether it fired, and the domains that decided it. */
export interface CategoryReason {
  readonly step: CategoryStep;
  readonly rule: CategoryRule;
  readonly fired: boolean;
  /**
   * Step 1 and 2: the domains that made the step fire (empty when it did not).
   * Step 3: when fired, the Outstanding domains; when not, the domains below the floor, if any.
   * Step 4: empty.
   */
  readonly domains: readonly string[];
  /** A sentence for the product to show ("why"). */
  readonly explanation: string;
}

export interface CategoryProposal {
  readonly framework: string;
  readonly policy: string;
  readonly category: AssuranceCategory;
  /** The step that fired. */
  readonly step: CategoryStep;
  readonly rule: CategoryRule;
  /** Every step evaluated, in order; the last one fired. */
  readonly reasons: readonly CategoryReason[];
  /** How many domains carry each rating. */
  readonly counts: Readonly<Record<AssuranceCategory, number>>;
}

function invalidPolicy(message: string, details: Record<string, unknown>): DomainError {
  return new DomainError('INVALID_CATEGORY_POLICY', message, details);
}

function isPositiveWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1;
}

/**
 * Checks a policy against the frameworks it names: thresholds and reassessment intervals are whole
 * numbers of at least 1, the floor is a category, and every critical domain named for one of
 * `frameworks` exists in that framework.
 * Throws INVALID_CATEGORY_POLICY (details: policy, field, value).
 */
export function validateCategoryPolicy(
  policy: CategoryPolicy,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): CategoryPolicy {
  for (const field of ['limitedCountThreshold', 'outstandingCountThreshold'] as const) {
    if (!isPositiveWholeNumber(policy[field])) {
      throw invalidPolicy(`${field} must be a whole number of at least 1`, { policy: policy.id, field, value: policy[field] });
    }
  }
  if (!isAssuranceCategory(policy.outstandingFloor)) {
    throw invalidPolicy('outstandingFloor must be a category', {
      policy: policy.id,
      field: 'outstandingFloor',
      value: policy.outstandingFloor,
    });
  }
  for (const category of ASSURANCE_CATEGORY_CODES) {
    const months = policy.reassessmentMonths?.[category];
    if (!isPositiveWholeNumber(months)) {
      throw invalidPolicy(`reassessmentMonths.${category} must be a whole number of months, at least 1`, {
        policy: policy.id,
        field: `reassessmentMonths.${category}`,
        value: months,
      });
    }
  }
  for (const [frameworkId, critical] of Object.entries(policy.criticalDomains ?? {})) {
    // Entries for frameworks outside `frameworks` are not checked: they cannot be used with it.
    const framework = frameworks.find((f) => f.id === frameworkId);
    const unknown = framework && Array.isArray(critical) ? critical.filter((code) => !framework.domains.some((d) => d.code === code)) : [];
    if (!Array.isArray(critical) || unknown.length > 0) {
      throw invalidPolicy(`criticalDomains.${frameworkId} must list domain codes of that framework`, {
        policy: policy.id,
        field: `criticalDomains.${frameworkId}`,
        value: Array.isArray(critical) ? unknown : critical,
      });
    }
  }
  return policy;
}

/**
 * Checks that every domain of the framework is rated exactly once with a valid rating, and returns the
 * ratings in the framework's domain order. Throws UNKNOWN_FRAMEWORK, INVALID_RATING (details: domain,
 * rating), UNKNOWN_DOMAIN (details: framework, domains), DUPLICATE_DOMAIN_RATING (details: domains) or
 * MISSING_DOMAIN_RATING (details: framework, domains).
 */
export function validateAssuranceRatings(
  ratings: AssuranceRatings,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): readonly DomainRating[] {
  const framework = getAssuranceFramework(ratings.framework, frameworks);
  const entries = Array.isArray(ratings.ratings) ? ratings.ratings : [];
  const known = new Set(framework.domains.map((d) => d.code));
  for (const entry of entries) {
    if (!isAssuranceCategory(entry.rating)) {
      throw new DomainError('INVALID_RATING', `The rating of ${String(entry.domain)} must be one of ${ASSURANCE_CATEGORY_CODES.join(', ')}`, {
        domain: entry.domain,
        rating: entry.rating,
      });
    }
  }
  const unknown = entries.map((e) => e.domain).filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw new DomainError('UNKNOWN_DOMAIN', `The ${framework.id} framework has no domain ${unknown.join(', ')}`, {
      framework: framework.id,
      domains: unknown,
    });
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const { domain } of entries) {
    if (seen.has(domain)) duplicates.add(domain);
    seen.add(domain);
  }
  if (duplicates.size > 0) {
    throw new DomainError('DUPLICATE_DOMAIN_RATING', `Each domain is rated once; rated more than once: ${[...duplicates].join(', ')}`, {
      domains: [...duplicates],
    });
  }
  const missing = framework.domains.map((d) => d.code).filter((code) => !seen.has(code));
  if (missing.length > 0) {
    throw new DomainError('MISSING_DOMAIN_RATING', `Every domain must be rated; not rated: ${missing.join(', ')}`, {
      framework: framework.id,
      domains: missing,
    });
  }
  return framework.domains.map((d) => entries.find((e) => e.domain === d.code) as DomainRating);
}

/**
 * Proposes the overall category from the domain ratings under `policy` (default: DOMAIN.md's rule) and
 * says which step fired and why. The assessor decides; see validateCategoryDecision.
 * Throws INVALID_CATEGORY_POLICY, POLICY_NOT_DEFINED_FOR_FRAMEWORK and the errors of validateAssuranceRatings.
 */
export function proposeCategory(
  ratings: AssuranceRatings,
  policy: CategoryPolicy = DEFAULT_CATEGORY_POLICY,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): CategoryProposal {
  validateCategoryPolicy(policy, frameworks);
  const framework = getAssuranceFramework(ratings.framework, frameworks);
  const critical = policy.criticalDomains?.[framework.id];
  if (!critical) {
    throw new DomainError(
      'POLICY_NOT_DEFINED_FOR_FRAMEWORK',
      `Policy ${policy.id} does not name the critical domains of the ${framework.id} framework`,
      { policy: policy.id, framework: framework.id },
    );
  }
  const rated = validateAssuranceRatings(ratings, frameworks);
  const domainNames = new Map(framework.domains.map((d) => [d.code, d.name]));
  const names = (codes: readonly string[]) => codes.map((code) => domainNames.get(code)).join(', ');
  const withRating = (rating: AssuranceCategory) => rated.filter((r) => r.rating === rating).map((r) => r.domain);
  const counts = Object.fromEntries(ASSURANCE_CATEGORY_CODES.map((c) => [c, withRating(c).length])) as Record<AssuranceCategory, number>;
  const reasons: CategoryReason[] = [];
  const propose = (category: AssuranceCategory, reason: CategoryReason): CategoryProposal => {
    reasons.push(reason);
    return { framework: framework.id, policy: policy.id, category, step: reason.step, rule: reason.rule, reasons, counts };
  };

  // Step 1: a critical domain Not assured.
  const criticalNotAssured = withRating('NOT_ASSURED').filter((code) => critical.includes(code));
  if (criticalNotAssured.length > 0) {
    return propose('NOT_ASSURED', {
      step: 1,
      rule: 'CRITICAL_DOMAIN_NOT_ASSURED',
      fired: true,
      domains: criticalNotAssured,
      explanation: `Not assured because ${names(criticalNotAssured)} ${criticalNotAssured.length === 1 ? 'is' : 'are'} Not assured.`,
    });
  }
  reasons.push({
    step: 1,
    rule: 'CRITICAL_DOMAIN_NOT_ASSURED',
    fired: false,
    domains: [],
    explanation:
      critical.length > 0 ? `No critical domain (${names(critical)}) is Not assured.` : 'The policy names no critical domain for this framework.',
  });

  // Step 2: any domain Not assured, or too many Limited.
  const notAssured = withRating('NOT_ASSURED');
  const limited = withRating('LIMITED_ASSURANCE');
  const tooManyLimited = limited.length >= policy.limitedCountThreshold;
  if (notAssured.length > 0 || tooManyLimited) {
    const why = [
      ...(notAssured.length > 0 ? [`${names(notAssured)} ${notAssured.length === 1 ? 'is' : 'are'} Not assured`] : []),
      ...(tooManyLimited ? [`${limited.length} domains are Limited assurance (${names(limited)}; threshold ${policy.limitedCountThreshold})`] : []),
    ];
    return propose('LIMITED_ASSURANCE', {
      step: 2,
      rule: 'NOT_ASSURED_OR_LIMITED_COUNT',
      fired: true,
      domains: [...notAssured, ...(tooManyLimited ? limited : [])],
      explanation: `Limited assurance because ${why.join(' and ')}.`,
    });
  }
  reasons.push({
    step: 2,
    rule: 'NOT_ASSURED_OR_LIMITED_COUNT',
    fired: false,
    domains: [],
    explanation: `No domain is Not assured and ${limited.length} ${limited.length === 1 ? 'is' : 'are'} Limited assurance (threshold ${policy.limitedCountThreshold}).`,
  });

  // Step 3: enough Outstanding and none below the floor.
  const outstanding = withRating('OUTSTANDING');
  const belowFloor = rated.filter((r) => compareAssuranceCategories(r.rating, policy.outstandingFloor) < 0).map((r) => r.domain);
  const floorName = assuranceCategoryDefinition(policy.outstandingFloor).name;
  if (outstanding.length >= policy.outstandingCountThreshold && belowFloor.length === 0) {
    return propose('OUTSTANDING', {
      step: 3,
      rule: 'OUTSTANDING_COUNT',
      fired: true,
      domains: outstanding,
      explanation: `Outstanding because ${outstanding.length} domains are Outstanding (${names(outstanding)}; threshold ${policy.outstandingCountThreshold}) and none is below ${floorName}.`,
    });
  }
  const heldBack = [
    ...(outstanding.length < policy.outstandingCountThreshold
      ? [`${outstanding.length} ${outstanding.length === 1 ? 'domain is' : 'domains are'} Outstanding (threshold ${policy.outstandingCountThreshold})`]
      : []),
    ...(belowFloor.length > 0 ? [`${names(belowFloor)} ${belowFloor.length === 1 ? 'is' : 'are'} below ${floorName}`] : []),
  ];
  reasons.push({ step: 3, rule: 'OUTSTANDING_COUNT', fired: false, domains: belowFloor, explanation: `Not Outstanding: ${heldBack.join(' and ')}.` });

  // Step 4.
  return propose('GOOD', { step: 4, rule: 'OTHERWISE_GOOD', fired: true, domains: [], explanation: 'Good because no earlier step applied.' });
}

/**
 * The date the next assessment is due: `assessedOn` plus the policy's interval for the category, in
 * calendar months with the day clamped to the end of a shorter month (2015-01-31 + 1 month = 2015-02-28;
 * 2016-01-31 + 1 month = 2016-02-29). Throws INVALID_CATEGORY, INVALID_DATE, INVALID_CATEGORY_POLICY.
 */
export function nextAssessmentDue(
  category: AssuranceCategory,
  assessedOn: string,
  policy: CategoryPolicy = DEFAULT_CATEGORY_POLICY,
): string {
  const valid = requireAssuranceCategory(category);
  const date = requireIsoDate(assessedOn, 'assessedOn');
  const months = policy.reassessmentMonths?.[valid];
  if (!isPositiveWholeNumber(months)) {
    throw invalidPolicy(`reassessmentMonths.${valid} must be a whole number of months, at least 1`, {
      policy: policy.id,
      field: `reassessmentMonths.${valid}`,
      value: months,
    });
  }
  return addCalendarMonths(date, months, 'assessedOn');
}

/** True when the assessor's decision differs from the proposal, so it must carry a rationale. */
export function decisionNeedsRationale(proposed: AssuranceCategory, decided: AssuranceCategory): boolean {
  return requireAssuranceCategory(proposed, 'proposed') !== requireAssuranceCategory(decided, 'decided');
}

export interface CategoryDecision {
  readonly proposed: AssuranceCategory;
  readonly decided: AssuranceCategory;
  readonly rationale?: string | null;
}

export interface ValidatedCategoryDecision {
  readonly proposed: AssuranceCategory;
  readonly decided: AssuranceCategory;
  /** Trimmed; null when none was given. */
  readonly rationale: string | null;
  readonly differsFromProposal: boolean;
}

/**
 * A decision that differs from the proposal must carry a non-empty rationale (DOMAIN.md). Throws
 * INVALID_CATEGORY or RATIONALE_REQUIRED (details: proposed, decided). A rationale for a decision
 * that agrees with the proposal is kept, not required.
 */
export function validateCategoryDecision(decision: CategoryDecision): ValidatedCategoryDecision {
  const differsFromProposal = decisionNeedsRationale(decision.proposed, decision.decided);
  const rationale = typeof decision.rationale === 'string' && decision.rationale.trim() !== '' ? decision.rationale.trim() : null;
  if (differsFromProposal && rationale === null) {
    throw new DomainError('RATIONALE_REQUIRED', 'A decision that differs from the proposed category needs a rationale', {
      proposed: decision.proposed,
      decided: decision.decided,
    });
  }
  return { proposed: decision.proposed, decided: decision.decided, rationale, differsFromProposal };
}
