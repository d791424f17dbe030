/**
 * Where a financial rule or a sanction value comes from. DOMAIN.md marks every figure [seed] (one of the
 * project's source papers, in the shared `seeds/` folder) or [ref] (a published NHS figure from outside
 * them, shipped as editable reference data). Same shape as assurance's cited sources, plus a locator.
 */
export interface RuleCitation {
  readonly basis: 'SEED' | 'REF';
  /** The document: a seed file with its title, or the published document. */
  readonly document: string;
  /** Where in the document: post, paragraph, line of the seed file. */
  readonly locator: string;
  /** The words the rule rests on: quoted for a seed, the published statement for a reference. */
  readonly text: string;
}

/** The seed paper that carries the CCG financial planning rules and the contract-penalty argument. */
export const CCG_INFORMATION_BLOG =
  "seeds/001_b868adc008dc83bd.txt: ccginformation.com, archive for the category 'CCGs and NHS England' (posts of 2012-2014)";
