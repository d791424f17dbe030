import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { EscalationHomeQuery as EscalationHomeResult } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, InsetText, TextInput } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { EscalationHomeQuery } from './escalation.operations';
import { ItemsTable } from './items-table';

type Me = NonNullable<EscalationHomeResult['me']>;

/** The CCGs the viewer holds a role at: the escalation maps they read, the CCGs they raise items for. */
export function viewerEscalationCcgs(me: Pick<Me, 'roles'> | null | undefined): { code: string; name: string }[] {
  const ccgs = (me?.roles ?? []).filter((assignment) => assignment.organisation.type === 'CCG').map((assignment) => assignment.organisation);
  return [...new Map(ccgs.map((ccg) => [ccg.code, { code: ccg.code, name: ccg.name }])).values()];
}

/** `/escalation`: the viewer's open items (owned, or at boards they sit on) and their CCGs' escalation maps. */
export function EscalationHomePage() {
  usePageTitle('Escalation');
  const { data, loading, error } = useQuery(EscalationHomeQuery, { fetchPolicy: 'cache-and-network' });
  if (loading && !data) return <Loading label="Loading your escalation items" />;
  if (!data) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Escalation</h1>
        <ErrorSummary title="Your escalation items could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      </>
    );
  }
  const ccgs = viewerEscalationCcgs(data.me);
  const items = data.myEscalationItems;
  return (
    <>
      <h1 className="nhsuk-heading-l">Escalation</h1>
      <p className="nhsuk-lede-text">Concerns that climb a CCG’s boards, with their whole history, and the boards’ meetings and packs.</p>
      <section aria-labelledby="ccg-maps-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="ccg-maps-heading" className="nhsuk-heading-m">
          Escalation maps
        </h2>
        {ccgs.length > 0 ? (
          <ul className="nhsuk-list">
            {ccgs.map((ccg) => (
              <li key={ccg.code}>
                <Link className="nhsuk-link" to={`/escalation/ccgs/${ccg.code}`}>
                  {organisationName(ccg.name)} ({ccg.code}): where every open item sits
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          !data.me?.administersEveryone && <p className="nhsuk-body">You hold no role at a CCG, so no CCG’s boards are yours to read.</p>
        )}
        {data.me?.administersEveryone && <OpenCcgMap />}
      </section>
      <section aria-labelledby="my-items-heading" className="nhsuk-u-margin-bottom-6">
        <h2 id="my-items-heading" className="nhsuk-heading-m">
          My items
        </h2>
        <p className="nhsuk-body">Open items you own, and open items at the boards you sit on, most serious first.</p>
        {items.length === 0 ? (
          <InsetText>
            <p>You have no open escalation items.</p>
          </InsetText>
        ) : (
          <ItemsTable items={items} caption="My open escalation items" />
        )}
        {ccgs.length > 0 && (
          <p className="nhsuk-body">
            <Link className="nhsuk-link" to="/escalation/items/new">
              Raise an escalation item
            </Link>
          </p>
        )}
      </section>
    </>
  );
}

/** NHS England's administrators read any CCG's map: they name it by its ODS code. */
function OpenCcgMap() {
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<string | undefined>();
  const [focus, setFocus] = useState(0);
  function open(event: FormEvent) {
    event.preventDefault();
    const ccg = code.trim().toUpperCase();
    if (!/^[A-Z0-9]{3,5}$/.test(ccg)) {
      setProblem('Enter the CCG’s ODS code, for example 02V');
      setFocus((n) => n + 1);
      return;
    }
    navigate(`/escalation/ccgs/${ccg}`);
  }
  return (
    <form onSubmit={open} noValidate>
      <ErrorSummary problems={problem ? [{ field: 'map-ccg', message: problem }] : []} focusRequest={focus} />
      <TextInput id="map-ccg" label="A CCG’s escalation map" hint="The ODS code, for example 02V for NHS Leeds North CCG" width={5} value={code} error={problem} onChange={(event) => setCode(event.currentTarget.value)} />
      <Button type="submit" secondary>
        Open the map
      </Button>
    </form>
  );
}
