import { BOARD_KIND_LABELS, BOARD_KIND_SCOPES, BOARD_KINDS, isBoardKind, type BoardKind } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link } from 'react-router';
import { errorCodes } from '../app/graphql-errors';
import type { BoardQuery as BoardResult } from '../gql/graphql';
import { Button, Details, ErrorSummary, FormGroup, problemFor, Radios, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import type { ReasonWords } from '../ui/nhs/form-parts';
import { organisationName } from '../ui/organisation-name';
import { refusedFields } from './escalation-labels';
import { BoardProvidersQuery, CreateBoardMutation, UpdateBoardMutation } from './escalation.operations';

type Board = NonNullable<BoardResult['board']>;

const FORBIDDEN = 'Only an administrator of the CCG (or of NHS England) changes its boards.';

/** The field a TEXT_REQUIRED refusal names (`details.fields`), as the form's field id. */
function textRequiredProblem(details: Record<string, unknown> | null, fieldIds: Readonly<Record<string, string>>, words: Readonly<Record<string, string>>): FormProblem | null {
  const field = refusedFields(details).find((name) => fieldIds[name]);
  return field ? { field: fieldIds[field], message: words[field] ?? 'Enter this' } : null;
}

function Textarea({ id, label, hint, value, error, onChange }: { id: string; label: string; hint?: string; value: string; error?: string; onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void }) {
  return (
    <FormGroup id={id} label={label} hint={hint} error={error}>
      {({ describedBy, invalid }) => <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={id} rows={4} value={value} aria-describedby={describedBy} onChange={onChange} />}
    </FormGroup>
  );
}

const TERMS_HINT = 'Text, or a link to the document (starting https://). Optional.';

const ADD_REFUSALS: ReasonWords = {
  PROVIDER_REQUIRED: { field: 'board-provider', message: 'Choose the provider the Contract Management Board is for' },
  NOT_A_PROVIDER: { field: 'board-provider', message: 'The provider must be an NHS trust' },
  ORGANISATION_NOT_FOUND: { field: 'board-provider', message: 'No organisation has that ODS code' },
  PROVIDER_NOT_ALLOWED: { field: 'board-kind-1', message: 'Only a Contract Management Board is for one provider' },
  SYSTEM_REQUIRED: { field: 'board-system', message: 'Enter the system the System Resilience Group serves' },
  SYSTEM_NOT_ALLOWED: { field: 'board-kind-1', message: 'Only a System Resilience Group serves a system' },
  BOARD_EXISTS: { field: 'board-kind-1', message: 'The CCG already has this board: someone may have added it in the meantime' },
};
const ADD_FIELDS: Readonly<Record<string, string>> = { frequency: 'board-frequency', name: 'board-name', systemName: 'board-system', termsOfReference: 'board-terms' };
const ADD_WORDS: Readonly<Record<string, string>> = { frequency: 'Say how often the board meets', name: 'Enter the board’s name', systemName: 'Enter the system the System Resilience Group serves' };

interface NewBoard {
  kind: BoardKind | '';
  providerCode: string;
  systemName: string;
  name: string;
  frequency: string;
  termsOfReference: string;
}

/**
 * "Add a board" on a CCG's escalation map (issue 16 point 1): a board of any kind, a Contract Management Board for
 * one of the CCG's providers, a System Resilience Group for a named system. An administrator of the CCG.
 */
export function AddBoardForm({ ccg, onChanged }: { ccg: string; onChanged: () => Promise<unknown> }) {
  const [fields, setFields] = useState<NewBoard>({ kind: '', providerCode: '', systemName: '', name: '', frequency: '', termsOfReference: '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [added, setAdded] = useState<{ id: string; name: string } | null>(null);
  const [existing, setExisting] = useState<string | null>(null);
  const [create, { loading }] = useMutation(CreateBoardMutation);
  const scope = fields.kind ? BOARD_KIND_SCOPES[fields.kind] : null;
  const set = (field: keyof NewBoard) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [field]: value }));
  };

  function check(): FormProblem[] {
    const found: FormProblem[] = [];
    if (!fields.kind) found.push({ field: 'board-kind-1', message: 'Choose the kind of board' });
    if (scope === 'PROVIDER' && !fields.providerCode.trim()) found.push({ field: 'board-provider', message: 'Choose the provider the Contract Management Board is for' });
    if (scope === 'SYSTEM' && !fields.systemName.trim()) found.push({ field: 'board-system', message: 'Enter the system the System Resilience Group serves' });
    if (!fields.frequency.trim()) found.push({ field: 'board-frequency', message: 'Say how often the board meets' });
    return found;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    setExisting(null);
    const found = check();
    setProblems(found);
    if (found.length > 0 || !fields.kind) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      const result = await create({
        variables: {
          input: {
            ccg,
            kind: fields.kind,
            frequency: fields.frequency.trim(),
            ...(fields.name.trim() ? { name: fields.name.trim() } : {}),
            ...(fields.termsOfReference.trim() ? { termsOfReference: fields.termsOfReference.trim() } : {}),
            ...(scope === 'PROVIDER' ? { providerCode: fields.providerCode.trim().toUpperCase() } : {}),
            ...(scope === 'SYSTEM' ? { systemName: fields.systemName.trim() } : {}),
          },
        },
      });
      if (result.data) setAdded(result.data.createBoard);
      setFields({ kind: '', providerCode: '', systemName: '', name: '', frequency: '', termsOfReference: '' });
      await onChanged();
    } catch (error) {
      const { reason, details } = errorCodes(error);
      const named = reason === 'TEXT_REQUIRED' ? textRequiredProblem(details, ADD_FIELDS, ADD_WORDS) : null;
      setProblems([named ?? refusalProblem(error, ADD_REFUSALS, FORBIDDEN)]);
      if (reason === 'BOARD_EXISTS' && typeof details?.boardId === 'string') setExisting(details.boardId);
      setFocus((n) => n + 1);
    }
  }

  return (
    <Details summary="Add a board">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
        {existing && (
          <p className="nhsuk-body">
            <Link className="nhsuk-link" to={`/escalation/boards/${existing}`}>
              The board the CCG already has
            </Link>
          </p>
        )}
        <div role="status">
          {added && (
            <p className="nhsuk-body">
              <Link className="nhsuk-link" to={`/escalation/boards/${added.id}`}>
                {added.name}
              </Link>{' '}
              is added. Choose its members on its page.
            </p>
          )}
        </div>
        <div className={problemFor(problems, 'board-kind-1') ? 'nhsuk-form-group--error' : undefined}>
          {problemFor(problems, 'board-kind-1') && (
            <span className="nhsuk-error-message" id="board-kind-error">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {problemFor(problems, 'board-kind-1')}
            </span>
          )}
          <Radios
            name="board-kind"
            legend="Kind of board"
            legendSize="s"
            hint="A Contract Management Board is for one provider; a System Resilience Group for the local health system."
            items={BOARD_KINDS.map((kind) => ({ value: kind, label: BOARD_KIND_LABELS[kind] }))}
            value={fields.kind || null}
            onChange={(value) => setFields((current) => ({ ...current, kind: isBoardKind(value) ? value : '' }))}
          />
        </div>
        {scope === 'PROVIDER' && <ProviderField ccg={ccg} value={fields.providerCode} error={problemFor(problems, 'board-provider')} onChange={set('providerCode')} />}
        {scope === 'SYSTEM' && <TextInput id="board-system" label="System it serves" hint="For example, Sheffield urgent care system." value={fields.systemName} error={problemFor(problems, 'board-system')} onChange={set('systemName')} />}
        <TextInput id="board-name" label="Name (optional)" hint="Leave blank for the kind’s name (with the provider’s or the system’s)." value={fields.name} error={problemFor(problems, 'board-name')} onChange={set('name')} />
        <TextInput id="board-frequency" label="How often it meets" hint="For example, Monthly." width={20} value={fields.frequency} error={problemFor(problems, 'board-frequency')} onChange={set('frequency')} />
        <Textarea id="board-terms" label="Terms of reference" hint={TERMS_HINT} value={fields.termsOfReference} error={problemFor(problems, 'board-terms')} onChange={set('termsOfReference')} />
        <Button type="submit" secondary disabled={loading}>
          {loading ? 'Adding the board…' : 'Add the board'}
        </Button>
      </form>
    </Details>
  );
}

/**
 * The provider of a Contract Management Board, chosen among the CCG's providers (contracted, else its region's
 * trusts). Where the viewer may not read them (ccgProviders is for readers of contracts), an ODS code is asked for.
 */
function ProviderField({ ccg, value, error, onChange }: { ccg: string; value: string; error?: string; onChange: (event: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => void }) {
  const { data, loading } = useQuery(BoardProvidersQuery, { variables: { ccg } });
  if (loading && !data) {
    return (
      <p className="nhsuk-body" role="status">
        Loading the CCG’s providers…
      </p>
    );
  }
  const providers = data?.ccgProviders.providers ?? [];
  if (providers.length === 0) {
    return <TextInput id="board-provider" label="Provider’s ODS code" hint="The NHS trust the Contract Management Board is for, for example RR8." width={5} value={value} error={error} onChange={onChange} />;
  }
  const basis = data?.ccgProviders.basis === 'CONTRACTS' ? 'The providers the CCG holds contracts with.' : 'The NHS trusts of the CCG’s region (it holds no contract for the year).';
  return (
    <FormGroup id="board-provider" label="Provider" hint={basis} error={error}>
      {({ describedBy, invalid }) => (
        <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id="board-provider" value={value} aria-describedby={describedBy} onChange={onChange}>
          <option value="">Choose a provider</option>
          {providers.map((provider) => (
            <option key={provider.code} value={provider.code}>
              {organisationName(provider.name)} ({provider.code})
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}

const DETAILS_REFUSALS: ReasonWords = {
  STALE_VERSION: { field: null, message: 'Someone else changed the board in the meantime. Its latest details are shown above; check your changes and save again.' },
  BOARD_NOT_FOUND: { field: null, message: 'The board no longer exists.' },
};
const DETAILS_FIELDS: Readonly<Record<string, string>> = { name: 'board-details-name', frequency: 'board-details-frequency', termsOfReference: 'board-details-terms' };
const DETAILS_WORDS: Readonly<Record<string, string>> = { name: 'Enter the board’s name', frequency: 'Say how often the board meets' };

/** "Change the board's details" on a board's page: name, frequency, terms of reference. An administrator of the CCG. */
export function BoardDetailsForm({ board, onChanged }: { board: Board; onChanged: () => Promise<unknown> }) {
  const [fields, setFields] = useState({ name: board.name, frequency: board.frequency, termsOfReference: board.termsOfReference ?? '' });
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [done, setDone] = useState(false);
  const [save, { loading }] = useMutation(UpdateBoardMutation);
  const set = (field: keyof typeof fields) => (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
    const value = event.currentTarget.value;
    setFields((current) => ({ ...current, [field]: value }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    const found: FormProblem[] = [];
    if (!fields.name.trim()) found.push({ field: 'board-details-name', message: 'Enter the board’s name' });
    if (!fields.frequency.trim()) found.push({ field: 'board-details-frequency', message: 'Say how often the board meets' });
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await save({ variables: { input: { boardId: board.id, expectedVersion: board.version, name: fields.name.trim(), frequency: fields.frequency.trim(), termsOfReference: fields.termsOfReference.trim() } } });
      // The answer updates the board in the cache (same id), so the page shows the new details without reading again.
      setDone(true);
    } catch (error) {
      const { code, reason, details } = errorCodes(error);
      const named = reason === 'TEXT_REQUIRED' ? textRequiredProblem(details, DETAILS_FIELDS, DETAILS_WORDS) : null;
      setProblems([named ?? refusalProblem(error, DETAILS_REFUSALS, FORBIDDEN)]);
      setFocus((n) => n + 1);
      if (code === 'CONFLICT') await onChanged();
    }
  }

  return (
    <Details summary="Change the board’s details">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h3" />
        <div role="status">{done && <p className="nhsuk-body">The board’s details are saved.</p>}</div>
        <TextInput id="board-details-name" label="Name" value={fields.name} error={problemFor(problems, 'board-details-name')} onChange={set('name')} />
        <TextInput id="board-details-frequency" label="How often it meets" hint="For example, Monthly." width={20} value={fields.frequency} error={problemFor(problems, 'board-details-frequency')} onChange={set('frequency')} />
        <Textarea id="board-details-terms" label="Terms of reference" hint={`${TERMS_HINT} Empty clears them.`} value={fields.termsOfReference} error={problemFor(problems, 'board-details-terms')} onChange={set('termsOfReference')} />
        <Button type="submit" secondary disabled={loading}>
          {loading ? 'Saving…' : 'Save the details'}
        </Button>
      </form>
    </Details>
  );
}
