import { useEffect, useState } from 'react';
import { lazyPart } from '../app/lazy-page';
import { SectionBoundary } from '../app/section-boundary';
import type { Viewer } from '../auth/viewer';
import type { ValueUnit } from '../ui/format';

/** The CCGs for which the viewer is a commissioning manager: they agree local targets and trajectories on its behalf (the API decides). */
export function commissionedBy(viewer: Pick<Viewer, 'roles'> | null): string[] {
  return [...new Set((viewer?.roles ?? []).filter((assignment) => assignment.role === 'COMMISSIONING_MANAGER').map((assignment) => assignment.organisation.code))];
}

// The forms are a script of their own, fetched only for a viewer who may use them (issue 19 point 5).
const LocalTargetForms = lazyPart(async () => (await import('./local-target-forms')).LocalTargetForms);

/**
 * For a CCG's commissioning managers, under a provider's chart: the local targets agreed for the indicator, a form to
 * agree one from a month, and the trajectory (a value a month), in a section opened on demand. Each change is
 * audited and the scores follow.
 */
export function LocalTargetSection({
  providerCode,
  indicatorCode,
  indicatorName,
  unit,
  periods,
  viewer,
}: {
  providerCode: string;
  indicatorCode: string;
  indicatorName: string;
  unit: ValueUnit;
  /** The series' months, oldest first. */
  periods: readonly string[];
  viewer: Pick<Viewer, 'roles'> | null;
}) {
  const ccgs = commissionedBy(viewer);
  const shown = ccgs.length > 0 && periods.length > 0;
  // Its contents (and their question to the API) are asked for once the reader opens the section: most page views
  // never do. Their script is fetched as soon as the section shows, so that they are there when it is opened.
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (shown) LocalTargetForms.load().catch(() => undefined); // a failure is said where the forms would show
  }, [shown]);
  if (!shown) return null;
  return (
    <details className="nhsuk-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">
          Agree a local target or trajectory<span className="nhsuk-u-visually-hidden"> for {indicatorName}</span>
        </span>
      </summary>
      {open && (
        <div className="nhsuk-details__text">
          <SectionBoundary loading="Loading the forms">
            <LocalTargetForms series={{ organisationCode: providerCode, indicatorCode }} ccgs={ccgs} unit={unit} periods={periods} />
          </SectionBoundary>
        </div>
      )}
    </details>
  );
}
