import {
  ASSURANCE_CATEGORIES,
  ASSURANCE_FRAMEWORKS,
  DEFAULT_CATEGORY_POLICY,
  getAssuranceFramework,
  type AssuranceFramework as DomainFramework,
  type CategoryPolicy as DomainPolicy,
} from '@ccg-assure/domain';
import type { AssuranceCategoryDefinition, CategoryPolicy } from './assessment.type';
import type { AssuranceDomainView, AssuranceFrameworkView } from './assessment-view';
import { AssuranceAreaTerm } from './assurance-enums';

/** The category policy assurance runs on: the domain library's default (DOMAIN.md "Assurance category proposal"). */
export const CATEGORY_POLICY: DomainPolicy = DEFAULT_CATEGORY_POLICY;

/** A framework as the schema shows it, each domain marked critical or not under the policy in force. */
function describeFramework(framework: DomainFramework): AssuranceFrameworkView {
  const critical = CATEGORY_POLICY.criticalDomains[framework.id] ?? [];
  return {
    id: framework.id,
    name: framework.name,
    areaTerm: framework.areaTerm === 'COMPONENT' ? AssuranceAreaTerm.COMPONENT : AssuranceAreaTerm.DOMAIN,
    validFrom: framework.validFrom,
    validTo: framework.validTo,
    domains: framework.domains.map((domain): AssuranceDomainView => ({ code: domain.code, name: domain.name, description: domain.description, critical: critical.includes(domain.code) })),
  };
}

const described = new Map<string, AssuranceFrameworkView>();

/** A framework by id (the domain library's; UNKNOWN_FRAMEWORK otherwise), described once. */
export function frameworkById(id: string): AssuranceFrameworkView {
  let framework = described.get(id);
  if (!framework) {
    framework = describeFramework(getAssuranceFramework(id));
    described.set(id, framework);
  }
  return framework;
}

export const describeFrameworks = (): AssuranceFrameworkView[] => ASSURANCE_FRAMEWORKS.map((framework) => frameworkById(framework.id));

export const describeCategories = (): AssuranceCategoryDefinition[] =>
  ASSURANCE_CATEGORIES.map((category) => ({
    code: category.code,
    name: category.name,
    meaning: category.meaning,
    consequence: category.consequence,
    reassessmentMonths: CATEGORY_POLICY.reassessmentMonths[category.code],
  }));

export const describePolicy = (): CategoryPolicy => ({
  id: CATEGORY_POLICY.id,
  description: CATEGORY_POLICY.description,
  criticalDomains: Object.entries(CATEGORY_POLICY.criticalDomains).map(([framework, domains]) => ({ framework, domains: [...domains] })),
  limitedCountThreshold: CATEGORY_POLICY.limitedCountThreshold,
  outstandingCountThreshold: CATEGORY_POLICY.outstandingCountThreshold,
  outstandingFloor: CATEGORY_POLICY.outstandingFloor,
});
