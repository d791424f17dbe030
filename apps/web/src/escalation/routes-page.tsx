import { BOARD_KIND_LABELS, BOARD_KINDS, ESCALATION_ITEM_KIND_LABELS, ESCALATION_ITEM_KINDS, type BoardKind } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { EscalationRouteRowFieldsFragment } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { Button, Details, ErrorSummary, Fieldset, FormGroup, problemFor, refusalProblem, TableContainer, type FormProblem } from '../ui/nhs';
import type { ReasonWords } from '../ui/nhs/form-parts';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { EscalationRoutesQuery, SetEscalationRouteMutation } from './escalation.operations';

type RouteRow = EscalationRouteRowFieldsFragment;

const fromWords = (row: Pick<RouteRow, 'fromKind'>) => (row.fromKind ? BOARD_KIND_LABELS[row.fromKind] : 'Where a new item starts');
const rowId = (row: Pick<RouteRow, 'itemKind' | 'fromKind'>) => `route-${row.itemKind}-${row.fromKind ?? 'RAISED'}`.toLowerCase().replace(/_/g, '-');

/** The boards of a row in words, the usual next first; the top of the route says so. */
function toWords(row: RouteRow): string {
  if (row.toKinds.length === 0) return row.fromKind ? 'Nowhere: the top of the route' : 'No board';
  const [usual, ...others] = row.toKinds.map((kind) => BOARD_KIND_LABELS[kind]);
  return others.length === 0 ? (usual ?? '') : `${usual} (usual next); or ${others.join(', ')}`;
}

/**
 * `/escalation/ccgs/:code/routes`: a CCG's escalation route by item kind (issue 16 point 1): where items start and
 * where each board sends them next, the CCG's own rows marked; an administrator of the CCG changes a row or puts the
 * default back.
 */
export function EscalationRoutesPage() {
  const code = (useParams().code ?? '').toUpperCase();
  const { data, loading, error } = useQuery(EscalationRoutesQuery, { variables: { ccg: code } });
  const ccgName = data?.organisation ? organisationName(data.organisation.name) : code;
  usePageTitle(data ? `Escalation routes, ${ccgName}` : 'Escalation routes');
  if (loading && !data) return <Loading label="Loading the escalation routes" />;
  if (!data) {
    const { code: errorCode } = errorCodes(error);
    return (
      <>
        <h1 className="nhsuk-heading-l">{errorCode === 'FORBIDDEN' ? 'You cannot see this CCG’s escalation routes' : errorCode === 'NOT_FOUND' ? 'CCG not found' : 'The escalation routes could not be loaded'}</h1>
        {errorCode === 'FORBIDDEN' ? (
          <p className="nhsuk-body">A CCG’s escalation routes are read by its own staff and NHS England’s administrators.</p>
        ) : (
          errorCode !== 'NOT_FOUND' && (
            <ErrorSummary title="There is a problem" headingLevel="h2">
              <p>{describeError(error)}</p>
            </ErrorSummary>
          )
        )}
        <p className="nhsuk-body">
          <Link className="nhsuk-link" to="/escalation">
            Back to escalation
          </Link>
        </p>
      </>
    );
  }
  const mayConfigure = Boolean(data.me?.administersEveryone || data.me?.administers.some((organisation) => organisation.code === code));
  const kinds = ESCALATION_ITEM_KINDS.filter((kind) => data.escalationRoutes.some((row) => row.itemKind === kind));
  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to={`/escalation/ccgs/${code}`}>
          Escalation map, {ccgName}
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">
        <span className="nhsuk-caption-l">
          {ccgName} ({code})
        </span>
        Escalation routes
      </h1>
      <p className="nhsuk-lede-text">For each kind of item, the board where it starts and the boards each board may send it on to, the usual next first.</p>
      <p className="nhsuk-body">
        The default routes are those of Sheffield CCG’s performance management framework (2015). Rows the CCG has set for itself are marked “Set by the CCG”. A move against the route is the chair’s alone, with a reason.
        {!mayConfigure && ' An administrator of the CCG changes its routes.'}
      </p>
      {kinds.map((kind) => {
        const rows = data.escalationRoutes.filter((row) => row.itemKind === kind);
        const headingId = `routes-${kind.toLowerCase().replace(/_/g, '-')}`;
        return (
          <section key={kind} aria-labelledby={headingId} className="nhsuk-u-margin-bottom-6">
            <h2 id={headingId} className="nhsuk-heading-m">
              {ESCALATION_ITEM_KIND_LABELS[kind]}
            </h2>
            <TableContainer>
              <table className="nhsuk-table">
                <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Route of an item of kind {ESCALATION_ITEM_KIND_LABELS[kind]}</caption>
                <thead className="nhsuk-table__head">
                  <tr className="nhsuk-table__row">
                    <th scope="col" className="nhsuk-table__header">
                      From
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Goes on to
                    </th>
                    <th scope="col" className="nhsuk-table__header">
                      Set by
                    </th>
                    {mayConfigure && (
                      <th scope="col" className="nhsuk-table__header">
                        Change
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="nhsuk-table__body">
                  {rows.map((row) => (
                    <tr className="nhsuk-table__row" key={rowId(row)}>
                      <th scope="row" className="nhsuk-table__cell">
                        {fromWords(row)}
                      </th>
                      <td className="nhsuk-table__cell">{toWords(row)}</td>
                      <td className="nhsuk-table__cell">
                        {row.configured ? <strong className="nhsuk-tag nhsuk-tag--blue">Set by the CCG</strong> : 'The default'}
                        <Details summary={<>Source<span className="nhsuk-u-visually-hidden">, {fromWords(row).toLowerCase()}</span></>}>
                          <p className="nhsuk-body-s">{row.source}</p>
                        </Details>
                      </td>
                      {mayConfigure && (
                        <td className="nhsuk-table__cell">
                          <RouteRowForm ccg={code} row={row} />
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableContainer>
          </section>
        );
      })}
    </>
  );
}

const ROUTE_REFUSALS: ReasonWords = {
  INVALID_ESCALATION_ROUTE: { field: null, message: 'The route was refused: choose each board once, never the board the item is at, and at least one board where a new item starts' },
  DUPLICATE_ESCALATION_ROUTE: { field: null, message: 'The CCG already has a row for this kind of item and board' },
};

/** Changes one row: the boards it goes on to (checkboxes, the usual next first) or back to the default. */
function RouteRowForm({ ccg, row }: { ccg: string; row: RouteRow }) {
  const id = rowId(row);
  const offered: BoardKind[] = [...row.toKinds, ...BOARD_KINDS.filter((kind) => !row.toKinds.includes(kind))].filter((kind) => kind !== row.fromKind);
  const [chosen, setChosen] = useState<BoardKind[]>(() => [...row.toKinds]);
  const [usual, setUsual] = useState<BoardKind | ''>(() => row.toKinds[0] ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SetEscalationRouteMutation, {
    update(cache, { data }) {
      if (!data) return;
      cache.updateQuery({ query: EscalationRoutesQuery, variables: { ccg } }, (existing) => (existing ? { ...existing, escalationRoutes: data.setEscalationRoute } : existing));
    },
  });
  const chosenInOrder = offered.filter((kind) => chosen.includes(kind));
  const usualNext = usual && chosen.includes(usual) ? usual : (chosenInOrder[0] ?? '');
  const what = `${ESCALATION_ITEM_KIND_LABELS[row.itemKind].toLowerCase()}, ${fromWords(row).toLowerCase()}`;
  const boxId = (kind: BoardKind) => `${id}-${kind.toLowerCase().replace(/_/g, '-')}`;
  const firstBox = offered[0] ? boxId(offered[0]) : id;
  const boardsProblem = problemFor(problems, firstBox);

  async function send(useDefault: boolean) {
    setDone(null);
    if (!useDefault && !row.fromKind && chosen.length === 0) {
      setProblems([{ field: firstBox, message: 'Choose the board where a new item starts' }]);
      setFocus((n) => n + 1);
      return;
    }
    const toKinds = useDefault ? [] : usualNext ? [usualNext, ...chosenInOrder.filter((kind) => kind !== usualNext)] : [];
    try {
      const result = await save({ variables: { input: { ccg, itemKind: row.itemKind, fromKind: row.fromKind ?? null, toKinds, ...(useDefault ? { useDefault: true } : {}) } } });
      setProblems([]);
      const saved = result.data?.setEscalationRoute.find((other) => other.itemKind === row.itemKind && other.fromKind === (row.fromKind ?? null));
      if (saved) {
        setChosen([...saved.toKinds]);
        setUsual(saved.toKinds[0] ?? '');
      }
      setDone(useDefault ? 'The default route is back.' : 'The route is saved.');
    } catch (error) {
      const { reason } = errorCodes(error);
      setProblems([reason === 'NO_ENTRY_BOARD' ? { field: null, message: 'A new item needs a board to start at' } : refusalProblem(error, ROUTE_REFUSALS, 'Only an administrator of the CCG (or of NHS England) changes its routes.')]);
      setFocus((n) => n + 1);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(false);
  }

  return (
    <Details summary={<>Change<span className="nhsuk-u-visually-hidden"> the route of a {what}</span></>}>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
        <div role="status">{done && <p className="nhsuk-body">{done}</p>}</div>
        <div className={`nhsuk-form-group${boardsProblem ? ' nhsuk-form-group--error' : ''}`}>
          <Fieldset
            legend={
              <>
                {row.fromKind ? 'Boards it goes on to' : 'Board where it starts'}
                <span className="nhsuk-u-visually-hidden">, {what}</span>
              </>
            }
            legendSize="s" aria-describedby={[`${id}-hint`, boardsProblem ? `${id}-error` : null].filter(Boolean).join(' ')}>
            <div className="nhsuk-hint" id={`${id}-hint`}>
              {row.fromKind ? 'None chosen: this board is the top of the route for the kind.' : 'Choose at least one.'}
            </div>
            {boardsProblem && (
              <span className="nhsuk-error-message" id={`${id}-error`}>
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {boardsProblem}
              </span>
            )}
            <div className="nhsuk-checkboxes">
              {offered.map((kind) => (
                  <div className="nhsuk-checkboxes__item" key={kind}>
                    <input
                      className="nhsuk-checkboxes__input"
                      id={boxId(kind)}
                      type="checkbox"
                      checked={chosen.includes(kind)}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        setChosen((current) => (on ? [...current, kind] : current.filter((other) => other !== kind)));
                      }}
                    />
                    <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={boxId(kind)}>
                      {BOARD_KIND_LABELS[kind]}
                    </label>
                  </div>
              ))}
            </div>
          </Fieldset>
        </div>
        {chosenInOrder.length > 1 && (
          <FormGroup id={`${id}-usual`} label="The usual next">
            {({ describedBy }) => (
              <select className="nhsuk-select" id={`${id}-usual`} value={usualNext} aria-describedby={describedBy} onChange={(event) => setUsual(event.currentTarget.value as BoardKind)}>
                {chosenInOrder.map((kind) => (
                  <option key={kind} value={kind}>
                    {BOARD_KIND_LABELS[kind]}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
        )}
        <div className="ccg-button-row">
          <Button type="submit" secondary disabled={loading}>
            {loading ? 'Saving…' : 'Save the route'}
          </Button>
          {row.configured && (
            <Button type="button" secondary disabled={loading} onClick={() => void send(true)}>
              Go back to the default
            </Button>
          )}
        </div>
      </form>
    </Details>
  );
}
