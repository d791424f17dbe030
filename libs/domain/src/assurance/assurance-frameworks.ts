import { DomainError } from '../errors';
import { compareIsoDates, requireIsoDate } from '../calendar/calendar-date';
import { parseFinancialYear } from '../calendar/financial-year';
import { CitedSource, SEED_DOCUMENTS } from './cited-source';

/**
 * One area a CCG is rated on: a "domain" of the 2013/14 framework or a "component" of the 2015/16
 * framework (the seeds use both words; the code calls both domains).
 */
export interface AssuranceDomain {
  /** Stable code, unique within its framework, e.g. WELL_LED. */
  readonly code: string;
  readonly name: string;
  readonly description: string;
  readonly source: CitedSource;
}

/** A year's CCG assurance framework. A new framework year is a new entry in ASSURANCE_FRAMEWORKS. */
export interface AssuranceFramework {
  /** Named by the financial year it starts in: '2013-14', '2015-16'. */
  readonly id: string;
  readonly name: string;
  /** What the framework itself calls its areas. */
  readonly areaTerm: 'DOMAIN' | 'COMPONENT';
  /** First day in force (inclusive). */
  readonly validFrom: string;
  /** Last day in force (inclusive); null while no later framework replaces it. */
  readonly validTo: string | null;
  readonly domains: readonly AssuranceDomain[];
  readonly source: CitedSource;
}

const SWAGE = SEED_DOCUMENTS.ASSURANCE_AND_SPECIAL_MEASURES;
const SHEFFIELD = SEED_DOCUMENTS.SHEFFIELD_PERFORMANCE_FRAMEWORK;

const seed = (text: string, document: string = SWAGE): CitedSource => ({ basis: 'SEED', document, text });

const YEAR_2013_14 = parseFinancialYear('2013/14');
const YEAR_2015_16 = parseFinancialYear('2015/16');

/** 2013/14: the original CCG assurance framework's six domains, each a question (seed 003). */
export const ASSURANCE_FRAMEWORK_2013_14: AssuranceFramework = {
  id: YEAR_2013_14.urlSegment,
  name: `CCG assurance framework ${YEAR_2013_14.label}`,
  areaTerm: 'DOMAIN',
  validFrom: YEAR_2013_14.start,
  // Seed 003: used from April 2013; "Two years down the line ... a new CCG Assurance Framework" (2015/16).
  validTo: YEAR_2015_16.previous().end,
  source: seed('The original CCG assurance framework covered six domains and asked the following questions'),
  domains: [
    {
      code: 'CLINICALLY_LED',
      name: 'Clinically led, high-quality commissioning',
      description: 'Is the CCG commissioning high quality services, underpinned by a clinical approach?',
      source: seed('1. Is the CCG commissioning high quality services, underpinned by a clinical approach?'),
    },
    {
      code: 'PATIENT_ENGAGEMENT',
      name: 'Engagement with patients and public',
      description: 'Is the CCG actively engaging with their local patients and public?',
      source: seed('2. Is the CCG actively engaging with their local patients and public?'),
    },
    {
      code: 'BETTER_OUTCOMES',
      name: 'Better outcomes',
      description: 'Is the CCG ensuring that better outcomes are delivered for patients?',
      source: seed('3. Is the CCG ensuring that better outcomes are delivered for patients?'),
    },
    {
      code: 'ROBUST_GOVERNANCE',
      name: 'Robust governance',
      description: 'Are there robust governance arrangements within the CCG?',
      source: seed('4. Are there robust governance arrangements within the CCG?'),
    },
    {
      code: 'PARTNERSHIP_WORKING',
      name: 'Partnership working',
      description: 'Is there partnership working between the CCG and other organisations?',
      source: seed('5. Is there partnership working between the CCG and other organisations?'),
    },
    {
      code: 'STRONG_LEADERSHIP',
      name: 'Strong leadership',
      description: 'Is there strong and robust leadership within the CCG?',
      source: seed('6. Is there strong and robust leadership within the CCG?'),
    },
  ],
};

/** 2015/16: the five components (seed 002 names them; seed 003 describes them). */
export const ASSURANCE_FRAMEWORK_2015_16: AssuranceFramework = {
  id: YEAR_2015_16.urlSegment,
  name: `CCG assurance framework ${YEAR_2015_16.label}`,
  areaTerm: 'COMPONENT',
  validFrom: YEAR_2015_16.start,
  validTo: null,
  source: seed(
    'From 2015/16, the CCG Assurance Framework sets out five components ... The components include being well led; performance; financial management; planning; and delegated functions.',
    SHEFFIELD,
  ),
  domains: [
    {
      code: 'WELL_LED',
      name: 'Well led',
      description:
        'Leadership and governance: the robustness of the CCG’s leadership and governance arrangements, the effectiveness of its commissioning arrangements, support for an efficient finance function, whether the CCG can achieve financial balance and whether it can meet all its statutory duties.',
      source: seed(
        'Leadership — this includes an assessment of the robustness of the leadership of the CCG and governance arrangements. ... whether the CCG can achieve financial balance; and if the body can meet all its statutory duties.',
      ),
    },
    {
      code: 'PERFORMANCE',
      name: 'Performance',
      description:
        'How far the CCG improves services, with tangible quality improvement and better outcomes for patients; its measures form the CCG scorecard published on MyNHS (NHS Choices), across five population groups, assessed against the NHS Outcomes Framework.',
      source: seed(
        'Performance — this is an evaluation of the extent to which services are improved by the CCG ... Measures arising from this domain form the CCG scorecard, which is then published as part of MyNHS on the NHS Choices website.',
      ),
    },
    {
      code: 'FINANCIAL_MANAGEMENT',
      name: 'Financial management',
      description:
        'Continuous in-year monitoring of the CCG’s financial management capability and performance, including the quality of its data and the tightness of its contract management; financial problems lead to remedial action, possibly special measures.',
      source: seed(
        'Management of finances — this involves the continuous monitoring of the financial management capability and performance of a CCG throughout the year, including the quality of its data and the tightness of its contractual management.',
      ),
    },
    {
      code: 'PLANNING',
      name: 'Planning',
      description:
        'Annual operational plans and longer-term strategic plans (such as the Five Year Forward View priorities), and progress to digital processes such as electronic discharge summaries.',
      source: seed(
        'Planning — this domain covers not only short term plans, such as annual operational plans, but also longer term strategic plans ... It also considers progress towards digital processes, such as electronic discharge summaries',
      ),
    },
    {
      code: 'DELEGATED_FUNCTIONS',
      name: 'Delegated functions',
      description: 'Managing the commissioning of primary care delegated to the CCG by NHS England from April 2015.',
      source: seed(
        'Managing the delegated functions — ... From April 2015 CCGs have been assigned responsibility for managing the delegated function of commissioning primary care from NHS England.',
      ),
    },
  ],
};

/** Every framework year, oldest first. Validity periods do not overlap. */
export const ASSURANCE_FRAMEWORKS: readonly AssuranceFramework[] = [ASSURANCE_FRAMEWORK_2013_14, ASSURANCE_FRAMEWORK_2015_16];

/** The framework with this id, or null. */
export function findAssuranceFramework(
  id: string,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): AssuranceFramework | null {
  return frameworks.find((framework) => framework.id === id) ?? null;
}

/** The framework with this id; throws UNKNOWN_FRAMEWORK (details: framework, known). */
export function getAssuranceFramework(
  id: string,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): AssuranceFramework {
  const framework = findAssuranceFramework(id, frameworks);
  if (!framework) {
    throw new DomainError('UNKNOWN_FRAMEWORK', `No assurance framework ${String(id)}`, {
      framework: id,
      known: frameworks.map((f) => f.id),
    });
  }
  return framework;
}

/** The framework in force on `asOf` ('yyyy-mm-dd'), or null before the first one. */
export function findAssuranceFrameworkInForce(
  asOf: string,
  frameworks: readonly AssuranceFramework[] = ASSURANCE_FRAMEWORKS,
): AssuranceFramework | null {
  const date = requireIsoDate(asOf, 'asOf');
  return (
    frameworks.find(
      (f) => compareIsoDates(f.validFrom, date) <= 0 && (f.validTo === null || compareIsoDates(date, f.validTo) <= 0),
    ) ?? null
  );
}
