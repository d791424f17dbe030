import { useQuery } from '@apollo/client/react';
import { lazyPart } from '../app/lazy-page';
import { SectionBoundary } from '../app/section-boundary';
import type { Viewer } from '../auth/viewer';
import { monthLabel } from '../ui/format';
import { Details } from '../ui/nhs';
import { SeriesBaselineQuery } from './series-baseline.operations';

/** Analysts (of any CCG) and administrators record baselines and rebases; the API decides (docs/security.md). */
export function mayRecordBaselines(viewer: Pick<Viewer, 'roles'> | null): boolean {
  return Boolean(viewer?.roles.some((assignment) => assignment.role === 'ANALYST' || assignment.role === 'ADMIN'));
}

// The forms are a script of their own, fetched only for a viewer who may use them (issue 19 point 5).
const SeriesBaselineForms = lazyPart(async () => (await import('./series-baseline-forms')).SeriesBaselineForms);

/**
 * How a series' limits are set, said in words under its chart: the baseline (limits fixed after the first n values)
 * and each rebase with its reason. For analysts and administrators, forms to record them (never automatic).
 */
export function SeriesBaselineSection({
  providerCode,
  indicatorCode,
  indicatorName,
  periods,
  hasBaselineOrRebase,
  viewer,
}: {
  providerCode: string;
  indicatorCode: string;
  indicatorName: string;
  /** The series' months, oldest first. */
  periods: readonly string[];
  /** Whether the stored scores used a baseline or rebase (only then is there anything to say to a reader). */
  hasBaselineOrRebase: boolean;
  viewer: Pick<Viewer, 'roles'> | null;
}) {
  const mayRecord = mayRecordBaselines(viewer);
  const series = { organisationCode: providerCode, indicatorCode };
  const { data } = useQuery(SeriesBaselineQuery, { variables: { series }, skip: !mayRecord && !hasBaselineOrRebase });
  const baseline = data?.seriesBaseline;
  const fixed = baseline?.fixAfterNPoints ?? null;
  const rebases = baseline?.rebases ?? [];
  if (!mayRecord && fixed === null && rebases.length === 0) return null;
  return (
    <div className="ccg-series-baseline">
      {(fixed !== null || rebases.length > 0) && (
        <>
          <h3 className="nhsuk-heading-s">How the limits are set</h3>
          <ul className="nhsuk-list nhsuk-list--bullet">
            {fixed !== null && (
              <li>
                Fixed on the first {fixed} values of each period and extended forward: {baseline?.fixReason}
              </li>
            )}
            {rebases.map((rebase) => (
              <li key={rebase.rebaseDate}>
                Recalculated from {monthLabel(rebase.rebaseDate)}: {rebase.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      {mayRecord && (
        <Details summary={<>Record a baseline or rebase<span className="nhsuk-u-visually-hidden"> for {indicatorName}</span></>}>
          <SectionBoundary loading="Loading the forms">
            <SeriesBaselineForms series={series} current={fixed} periods={periods} recorded={rebases.map((rebase) => rebase.rebaseDate)} />
          </SectionBoundary>
        </Details>
      )}
    </div>
  );
}

