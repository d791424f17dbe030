import type { ReactNode } from 'react';
import type { UserSessionFieldsFragment } from '../gql/graphql';
import { formatInstant } from '../ui/format';
import { TableContainer } from '../ui/nhs';

export type StoredSession = UserSessionFieldsFragment;

/** "Firefox on Windows" from a browser's user-agent text; the text itself when it is not recognised. */
export function describeBrowser(userAgent: string | null | undefined): string {
  if (!userAgent) return 'Not known';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Windows/.test(userAgent)
    ? 'Windows'
    : /Android/.test(userAgent)
      ? 'Android'
      : /iPhone|iPad/.test(userAgent)
        ? 'iOS'
        : /Mac OS X/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (!browser) return userAgent;
  return system ? `${browser} on ${system}` : browser;
}

/** Signed-in sessions, the current one marked; `action` adds a last column (ending a session). */
export function SessionTable({ caption, sessions, action }: { caption: string; sessions: readonly StoredSession[]; action?: (session: StoredSession) => ReactNode }) {
  return (
    <TableContainer>
      <table className="nhsuk-table nhsuk-table--compact">
        <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">
              Browser
            </th>
            <th scope="col" className="nhsuk-table__header">
              Signed in
            </th>
            <th scope="col" className="nhsuk-table__header">
              Last seen
            </th>
            <th scope="col" className="nhsuk-table__header">
              Ends
            </th>
            <th scope="col" className="nhsuk-table__header">
              Address
            </th>
            {action && (
              <th scope="col" className="nhsuk-table__header">
                <span className="nhsuk-u-visually-hidden">Action</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {sessions.map((session) => (
            <tr key={session.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header">
                <span title={session.userAgent ?? undefined}>{describeBrowser(session.userAgent)}</span>
                {session.current && (
                  <>
                    {' '}
                    <strong className="nhsuk-tag nhsuk-tag--blue">This session</strong>
                  </>
                )}
              </th>
              <td className="nhsuk-table__cell">{formatInstant(session.createdAt)}</td>
              <td className="nhsuk-table__cell">{formatInstant(session.lastSeenAt) || 'Not yet'}</td>
              <td className="nhsuk-table__cell">{formatInstant(session.expiresAt)}</td>
              <td className="nhsuk-table__cell">{session.clientAddress ?? 'Not known'}</td>
              {action && <td className="nhsuk-table__cell">{action(session)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}
