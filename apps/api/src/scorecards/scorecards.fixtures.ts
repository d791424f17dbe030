import type { SpcAnalysis as DomainSpcAnalysis } from '@ccg-assure/domain';

// What the scorecard specs share: the SPC fields as the API shows them, and how a response is read.

export type Point = {
  period: string;
  value: number;
  mean: number;
  lowerProcessLimit: number | null;
  upperProcessLimit: number | null;
  closeToLimits: boolean;
  specialCauseType: string;
  pointType: string;
  rebaseGroup: number;
};
export type Analysis = { points: Point[]; variationType: string; assuranceType: string | null; shortGroupWarning: boolean };

export const POINT_FIELDS = 'period value mean lowerProcessLimit upperProcessLimit closeToLimits specialCauseType pointType rebaseGroup';

/** The data of a response that must have succeeded (its errors, if any, fail the test). */
export function dataOf<T>(response: { data?: T | null; errors?: unknown[] }): T {
  if (response.errors) throw new Error(`the response has errors: ${JSON.stringify(response.errors)}`);
  if (!response.data) throw new Error('no data');
  return response.data;
}

/** The domain's result as the API shows it (the target is the input's, not repeated on each point). */
export const asApi = (analysis: DomainSpcAnalysis): Analysis => ({ ...analysis, points: analysis.points.map(({ target: _target, ...point }) => point) });
