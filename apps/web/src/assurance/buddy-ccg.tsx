import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { describeError } from '../app/graphql-errors';
import { organisationName } from '../ui/organisation-name';
import { formatDate } from '../ui/format';
import { CATEGORY_NAMES } from './assurance-labels';
import { AssignBuddyCcgMutation, BuddyCandidatesQuery, CcgAssuranceQuery } from './ccg-assurance.operations';
import { ErrorSummary, FormGroup, problemFor, refusalProblem, type FormProblem } from '../ui/nhs';
import { ONLY_ASSESSORS } from './assurance-access';
import { ConfirmButtons } from './confirmation-parts';
import type { CcgAssurance } from './ccg-assurance.fragment';


const SEARCH_FIELD = 'buddy-search';
const CHOICE_FIELD = 'buddy-choice';

/** The API's refusals of a pairing, by `extensions.reason`, in words and pointing at the field concerned. */
const BUDDY_REFUSALS: Readonly<Record<string, FormProblem>> = {
  BUDDY_ONLY_FOR_LIMITED_ASSURANCE: { field: null, message: 'Only a CCG whose latest published category is Limited assurance gets a buddy. Nothing was recorded.' },
  BUDDY_IS_SAME_CCG: { field: CHOICE_FIELD, message: 'A CCG cannot be its own buddy: choose another CCG' },
  NOT_A_CCG: { field: CHOICE_FIELD, message: 'The buddy must be a CCG: choose another' },
  ORGANISATION_NOT_FOUND: { field: CHOICE_FIELD, message: 'That CCG was not found: search again' },
};

type Step = 'closed' | 'choose' | 'confirm' | 'end';

interface Candidate {
  code: string;
  name: string;
}

/**
 * The buddy CCG of a Limited-assurance CCG (a source of support, seed 003), for NHS England assessors:
 * choose one by searching the CCGs, confirm, and later change or end the pairing. The server decides
 * (it refuses a buddy unless the latest published category is Limited assurance); its refusals are
 * shown by reason with the choice kept.
 */
export function BuddyCcg({ assurance }: { assurance: CcgAssurance }) {
  const ccg = assurance.ccg.code;
  const buddy = assurance.buddy;
  const limited = assurance.currentCategory === 'LIMITED_ASSURANCE';
  const [step, setStep] = useState<Step>('closed');
  const [term, setTerm] = useState('');
  const [searched, setSearched] = useState('');
  const [chosen, setChosen] = useState<Candidate | null>(null);
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focusRequest, setFocusRequest] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const candidates = useQuery(BuddyCandidatesQuery, { variables: { search: searched }, skip: searched.length < 2 });
  const [assign, { loading }] = useMutation(AssignBuddyCcgMutation, {
    update(cache, { data }) {
      if (data) cache.writeQuery({ query: CcgAssuranceQuery, variables: { ccg }, data: { ccgAssurance: data.assignBuddyCcg } });
    },
  });

  useEffect(() => {
    if (step !== 'closed') headingRef.current?.focus();
  }, [step]);

  if (!limited && !buddy && !done) return null;

  const found: Candidate[] = (candidates.data?.organisations.edges ?? []).map((edge) => edge.node).filter((node) => node.code !== ccg);
  const fail = (next: FormProblem[]) => {
    setProblems(next);
    setFocusRequest((n) => n + 1);
  };

  function open(next: Step) {
    setStep(next);
    setProblems([]);
    setDone(null);
  }

  function search(event: FormEvent) {
    event.preventDefault();
    const wanted = term.trim();
    if (wanted.length < 2) {
      fail([{ field: SEARCH_FIELD, message: 'Enter at least 2 characters of the CCG’s name or ODS code' }]);
      return;
    }
    setProblems([]);
    setChosen(null);
    setSearched(wanted);
  }

  function review(event: FormEvent) {
    event.preventDefault();
    if (!chosen) {
      fail([{ field: found.length > 0 ? CHOICE_FIELD : SEARCH_FIELD, message: 'Choose the buddy CCG' }]);
      return;
    }
    setProblems([]);
    setStep('confirm');
  }

  async function record(buddyCcg: string | null) {
    try {
      await assign({ variables: { input: { ccg, buddyCcg } } });
      setDone(buddyCcg && chosen ? `${organisationName(chosen.name)} (${chosen.code}) is now the buddy CCG.` : 'The pairing has ended.');
      setStep('closed');
      setChosen(null);
      setTerm('');
      setSearched('');
    } catch (error) {
      // Back to the choice, with what was chosen kept, and the refusal in words.
      setStep(buddyCcg ? 'choose' : 'end');
      fail([refusalProblem(error, BUDDY_REFUSALS, ONLY_ASSESSORS)]);
    }
  }

  const name = organisationName(assurance.ccg.name);
  return (
    <section aria-labelledby="buddy-heading" className="ccg-section">
      <h2 id="buddy-heading" className="nhsuk-heading-m">
        Buddy CCG
      </h2>
      {buddy ? (
        <p className="nhsuk-body" data-testid="buddy-now">
          Paired with {organisationName(buddy.ccg.name)} ({buddy.ccg.code}) since {formatDate(buddy.assignedOn)}.
        </p>
      ) : (
        <p className="nhsuk-body">A Limited-assurance CCG can be paired with a buddy CCG as a source of support. {name} has no buddy.</p>
      )}
      {!limited && buddy && (
        <p className="nhsuk-body-s">
          {name}’s latest published category is {assurance.currentCategory ? CATEGORY_NAMES[assurance.currentCategory] : 'none'}: a new buddy is for Limited assurance only, but the pairing can end.
        </p>
      )}
      {done && (
        <p className="nhsuk-body ccg-notice--success" role="status">
          {done}
        </p>
      )}

      {step === 'closed' && (
        <div className="ccg-button-row">
          {limited && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => open('choose')}>
              {buddy ? 'Change the buddy CCG' : 'Assign a buddy CCG'}
            </button>
          )}
          {buddy && (
            <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => open('end')}>
              End the pairing
            </button>
          )}
        </div>
      )}

      {step === 'choose' && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              Choose the buddy CCG for {name}
            </h3>
            <ErrorSummary id="buddy-errors" problems={problems} focusRequest={focusRequest} headingLevel="h4" />
            <form role="search" aria-label="CCGs" onSubmit={search} noValidate>
              <FormGroup id={SEARCH_FIELD} label="Search the CCGs" hint="Part of the name or the ODS code, for example Leeds or 03C" error={problemFor(problems, SEARCH_FIELD)}>
                {({ describedBy, invalid }) => (
                  <div className="ccg-button-row">
                    <input
                      className={`nhsuk-input nhsuk-input--width-20${invalid ? ' nhsuk-input--error' : ''}`}
                      id={SEARCH_FIELD}
                      type="search"
                      autoComplete="off"
                      value={term}
                      aria-describedby={describedBy}
                      aria-invalid={invalid || undefined}
                      onChange={(event) => setTerm(event.currentTarget.value)}
                    />
                    <button type="submit" className="nhsuk-button nhsuk-button--secondary">
                      Search
                    </button>
                  </div>
                )}
              </FormGroup>
            </form>
            <p className="nhsuk-body-s" role="status">
              {searched.length < 2
                ? ''
                : candidates.loading
                  ? 'Searching…'
                  : candidates.error
                    ? describeError(candidates.error)
                    : found.length === 0
                      ? `No other CCG matches “${searched}”.`
                      : `${found.length === 1 ? '1 CCG matches' : `${found.length} CCGs match`} “${searched}”${(candidates.data?.organisations.totalCount ?? 0) > 20 ? ' (the first 20 shown: search more precisely)' : ''}.`}
            </p>
            <form onSubmit={review} noValidate>
              {(found.length > 0 || chosen) && (
                <div className={`nhsuk-form-group${problemFor(problems, CHOICE_FIELD) ? ' nhsuk-form-group--error' : ''}`}>
                  <fieldset className="nhsuk-fieldset" aria-describedby={problemFor(problems, CHOICE_FIELD) ? `${CHOICE_FIELD}-error` : undefined}>
                    <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Buddy CCG</legend>
                    {problemFor(problems, CHOICE_FIELD) && (
                      <span className="nhsuk-error-message" id={`${CHOICE_FIELD}-error`}>
                        <span className="nhsuk-u-visually-hidden">Error: </span>
                        {problemFor(problems, CHOICE_FIELD)}
                      </span>
                    )}
                    <div className="nhsuk-radios">
                      {(chosen && !found.some((c) => c.code === chosen.code) ? [chosen, ...found] : found).map((candidate, index) => (
                        <div className="nhsuk-radios__item" key={candidate.code}>
                          <input
                            className="nhsuk-radios__input"
                            id={index === 0 ? CHOICE_FIELD : `${CHOICE_FIELD}-${candidate.code}`}
                            name="buddy-ccg"
                            type="radio"
                            checked={chosen?.code === candidate.code}
                            onChange={() => setChosen(candidate)}
                          />
                          <label className="nhsuk-label nhsuk-radios__label" htmlFor={index === 0 ? CHOICE_FIELD : `${CHOICE_FIELD}-${candidate.code}`}>
                            {organisationName(candidate.name)} ({candidate.code})
                          </label>
                        </div>
                      ))}
                    </div>
                  </fieldset>
                </div>
              )}
              <div className="ccg-button-row">
                <button type="submit" className="nhsuk-button">
                  Continue
                </button>
                <button type="button" className="nhsuk-button nhsuk-button--secondary" onClick={() => open('closed')}>
                  Cancel
                </button>
              </div>
            </form>
          </div>
        </div>
      )}

      {step === 'confirm' && chosen && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              Pair {name} with {organisationName(chosen.name)} ({chosen.code})?
            </h3>
            <p className="nhsuk-body">
              {buddy ? `It replaces ${organisationName(buddy.ccg.name)} (${buddy.ccg.code}) as the buddy. ` : ''}The pairing is recorded as from today, and audited.
            </p>
            <ConfirmButtons label="Yes, assign the buddy" busyLabel="Recording…" busy={loading} onConfirm={() => void record(chosen.code)} cancelLabel="Back: change the choice" onCancel={() => setStep('choose')} />
          </div>
        </div>
      )}

      {step === 'end' && buddy && (
        <div className="nhsuk-card ccg-confirm">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-heading-s" tabIndex={-1} ref={headingRef}>
              End the pairing with {organisationName(buddy.ccg.name)} ({buddy.ccg.code})?
            </h3>
            <ErrorSummary id="buddy-end-errors" problems={problems} focusRequest={focusRequest} headingLevel="h4" />
            <p className="nhsuk-body">{name} will have no buddy CCG. This is audited.</p>
            <ConfirmButtons label="Yes, end the pairing" busyLabel="Recording…" busy={loading} warning onConfirm={() => void record(null)} onCancel={() => open('closed')} />
          </div>
        </div>
      )}
    </section>
  );
}
