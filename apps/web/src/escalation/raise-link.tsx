import { Link } from 'react-router';
import { useViewer } from '../auth/viewer';
import type { EscalationItemKind } from '../gql/graphql';

/** Roles held at a CCG, whose holders raise items for its boards (the API checks the CCG). */
const RAISING_ROLES: readonly string[] = ['COMMISSIONING_MANAGER', 'FINANCE_OFFICER', 'BOARD_MEMBER', 'ANALYST'];

/**
 * "Raise an escalation item" from where a concern shows (a failing scorecard tile, a contract notice), for a signed-in
 * user with a role at a CCG: the raise form opens filled in with what it was raised from.
 */
export function RaiseEscalationLink({ kind, provider, indicator, period, notice, about }: { kind: EscalationItemKind; provider?: string; indicator?: string; period?: string; notice?: string; about?: string }) {
  const { viewer } = useViewer();
  if (!viewer?.roles.some((assignment) => RAISING_ROLES.includes(assignment.role))) return null;
  const query = new URLSearchParams({ kind });
  if (provider) query.set('provider', provider);
  if (indicator) query.set('indicator', indicator);
  if (period) query.set('period', period);
  if (notice) query.set('notice', notice);
  return (
    <p className="nhsuk-body-s nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0 ccg-no-print">
      <Link className="nhsuk-link" to={`/escalation/items/new?${query.toString()}`}>
        Raise an escalation item{about && <span className="nhsuk-u-visually-hidden"> about {about}</span>}
      </Link>
    </p>
  );
}
