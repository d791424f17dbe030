/**
 * Where a rule or a piece of reference data comes from (DOMAIN.md marks every figure [seed] or [ref]).
 * SEED: one of the project's source papers, quoted in its own words.
 * REF: a published NHS figure from outside the seeds, stated as commonly published; ship it as
 * editable reference data.
 * PRODUCT: the product's own rule where no paper speaks (a workflow step, who may take it), citing the
 * issue that set it.
 */
export interface CitedSource {
  readonly basis: 'SEED' | 'REF' | 'PRODUCT';
  /** The document: a seed file name with its title, or the published document. */
  readonly document: string;
  /** The words the rule rests on: quoted for a seed, the published statement for a reference. */
  readonly text: string;
}

/** Seed papers (files in the shared `seeds/` folder). */
export const SEED_DOCUMENTS = {
  GOVERNANCE_LOOP:
    'seeds/000_8f1b8476286a8a6f.txt: Summary of agreed changes to performance management systems, in the transition to CCG management (Leeds, 2012-13)',
  ASSURANCE_AND_SPECIAL_MEASURES:
    'seeds/003_777bcc1ddad58a8d.txt: T. Swage, the 2015/16 CCG assurance framework, assurance categories and special measures (last reviewed 15 September 2015)',
  SHEFFIELD_PERFORMANCE_FRAMEWORK:
    'seeds/002_8feeab0fd83ea177.txt: NHS Sheffield CCG Performance Management Framework, Governing Body 3 December 2015',
} as const;
