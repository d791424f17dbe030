import { Link } from 'react-router';
import { useViewer } from '../auth/viewer';
import type { EscalationItemKind } from '../gql/graphql';

/** Roles held at a CCG, whose holders raise items for its boards (the API checks the CCG). */
const RAISING_ROLES: readonly string[] = ['COMMISSIONING_MANAGER', 'FINANCE_OFFICER', 'BOARD_MEMBER', 'ANALYST'];

/**
 * "Raise an escalation item" from where a concern shows (a failing scorecard tile, a contract notice, an assurance
 * trigger, a forecast outturn warning), for a signed-in user with a role at a CCG: the raise form opens filled in with
 * what it was raised from (`text`: the source in words). `inline` gives the link alone, for a list of links.
 */
export function RaiseEscalationLink({
  kind,
  ccg,
  provider,
  indicator,
  period,
  notice,
  text,
  about,
  inline = false,
}: {
  kind: EscalationItemKind;
  ccg?: string;
  provider?: string;
  indicator?: string;
  period?: string;
  notice?: string;
  text?: string;
  about?: string;
  inline?: boolean;
}) {
  const { viewer } = useViewer();
  // With a CCG named, only its own staff: the raise form offers the viewer's CCGs only.
  if (!viewer?.roles.some((assignment) => RAISING_ROLES.includes(assignment.role) && (!ccg || assignment.organisation.code === ccg))) return null;
  const query = new URLSearchParams({ kind });
  for (const [name, value] of Object.entries({ ccg, provider, indicator, period, notice, text })) if (value) query.set(name, value);
  const link = (
    <Link className="nhsuk-link ccg-no-print" to={`/escalation/items/new?${query.toString()}`}>
      Raise an escalation item{about && <span className="nhsuk-u-visually-hidden"> about {about}</span>}
    </Link>
  );
  if (inline) return link;
  return <p className="nhsuk-body-s nhsuk-u-margin-top-3 nhsuk-u-margin-bottom-0 ccg-no-print">{link}</p>;
}
