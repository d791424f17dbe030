import type { CitedSource } from '../assurance/cited-source';

/** Where a financial rule or a sanction value comes from: a cited source, with where in it. */
export interface RuleCitation extends CitedSource {
  /** A planning rule or a sanction rests on a paper or a published figure, never on the product alone. */
  readonly basis: 'SEED' | 'REF';
  /** Where in the document: post, paragraph, line of the seed file. */
  readonly locator: string;
}

/** The seed paper that carries the CCG financial planning rules and the contract-penalty argument. */
export const CCG_INFORMATION_BLOG =
  "seeds/001_b868adc008dc83bd.txt: ccginformation.com, archive for the category 'CCGs and NHS England' (posts of 2012-2014)";
