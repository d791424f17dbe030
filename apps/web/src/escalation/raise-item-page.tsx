import { addCalendarMonths, compareIsoDates, yearMonthOf, ESCALATION_ITEM_KIND_LABELS, ESCALATION_ITEM_KINDS, ESCALATION_SEVERITIES, ESCALATION_SEVERITY_LABELS, todayInEngland, BOARD_KIND_LABELS, isBoardKind } from '@ccg-assure/domain';
import { useMutation, useQuery } from '@apollo/client/react';
import { useMemo, useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { describeError, errorCodes } from '../app/graphql-errors';
import type { EscalationItemKind, EscalationSeverity } from '../gql/graphql';
import { monthLabel } from '../ui/format';
import { Loading } from '../ui/loading';
import { Button, DateInput, dateInputExample, dateInputProblem, dateProblemFor, ErrorSummary, FormGroup, MonthSelect, problemFor, Radios, refusalProblem, TextInput, type FormProblem } from '../ui/nhs';
import { organisationName } from '../ui/organisation-name';
import { usePageTitle } from '../ui/page-title';
import { viewerEscalationCcgs } from './escalation-home-page';
import { refusedFields } from './escalation-labels';
import { RaiseContextQuery, RaiseEscalationItemMutation, RaiseNoticeQuery, RaiseProviderQuery } from './escalation.operations';

const isKind = (value: string | null): value is EscalationItemKind => (ESCALATION_ITEM_KINDS as readonly (string | null)[]).includes(value);
const MONTH = /^(\d{4})-(\d{2})(-01)?$/;
/** The first day CCGs held budgets (April 2013): no escalation item concerns data before it. */
const CCG_ERA_START = '2013-04-01';

/** What each kind asks for besides the title and the concern (the API's SOURCE_REQUIRED rules). */
const needsProvider = (kind: EscalationItemKind | '') => kind === 'KPI_BREACH' || kind === 'CONTRACT_NOTICE' || kind === 'TRAJECTORY_MISS' || kind === 'QUALITY_CONCERN';
const providerRequired = (kind: EscalationItemKind | '') => kind === 'KPI_BREACH' || kind === 'CONTRACT_NOTICE' || kind === 'TRAJECTORY_MISS';
const needsIndicator = (kind: EscalationItemKind | '') => kind === 'KPI_BREACH' || kind === 'TRAJECTORY_MISS';
const textRequired = (kind: EscalationItemKind | '') => kind === 'QUALITY_CONCERN' || kind === 'ASSURANCE_TRIGGER' || kind === 'FINANCIAL_WARNING' || kind === 'PROGRAMME_EXCEPTION';

interface Fields {
  ccg: string;
  kind: EscalationItemKind | '';
  title: string;
  description: string;
  severity: EscalationSeverity | '';
  dueOn: string;
  providerCode: string;
  indicatorCode: string;
  period: string;
  text: string;
}

/** Refusals by reason, against the form's fields. */
const RAISE_REFUSALS: Readonly<Record<string, FormProblem>> = {
  NOT_A_PROVIDER: { field: 'raise-provider', message: 'That code is not a provider’s' },
  INVALID_PERIOD: { field: 'raise-period', message: 'Choose a month the data is for' },
  DATE_IN_PAST: { field: 'raise-dueOn', message: 'The due date cannot be in the past' },
  INDICATOR_NOT_FOUND: { field: 'raise-indicator', message: 'Choose the indicator' },
  NOT_A_CCG: { field: 'raise-ccg-1', message: 'Choose one of your CCGs' },
};

const SOURCE_FIELDS: Readonly<Record<string, string>> = {
  'source.providerCode': 'raise-provider',
  'source.indicatorCode': 'raise-indicator',
  'source.noticeId': 'raise-kind-1',
  'source.text': 'raise-text',
  'source.period': 'raise-period',
  title: 'raise-title',
  description: 'raise-description',
};

export function raiseProblems(fields: Fields, today: string): FormProblem[] {
  const found: FormProblem[] = [];
  if (!fields.ccg) found.push({ field: 'raise-ccg-1', message: 'Choose the CCG' });
  if (!fields.kind) found.push({ field: 'raise-kind-1', message: 'Choose what the item is about' });
  if (!fields.title.trim()) found.push({ field: 'raise-title', message: 'Give the item a title' });
  if (!fields.description.trim()) found.push({ field: 'raise-description', message: 'Say what the concern is' });
  if (!fields.severity) found.push({ field: 'raise-severity-1', message: 'Choose how serious it is' });
  if (providerRequired(fields.kind) && !fields.providerCode.trim()) found.push({ field: 'raise-provider', message: 'Enter the provider’s ODS code' });
  if (needsIndicator(fields.kind) && !fields.indicatorCode) found.push({ field: 'raise-indicator', message: 'Choose the indicator' });
  if (needsIndicator(fields.kind) && fields.period && !MONTH.test(fields.period.trim())) found.push({ field: 'raise-period', message: 'Choose a month the data is for' });
  if (textRequired(fields.kind) && !fields.text.trim()) found.push({ field: 'raise-text', message: 'Say where the concern comes from' });
  const dueProblem = dateInputProblem('raise-dueOn', fields.dueOn, { what: 'The due date' });
  if (dueProblem) found.push(dueProblem);
  else if (fields.dueOn && compareIsoDates(fields.dueOn, today) < 0) found.push({ field: 'raise-dueOn', message: 'The due date cannot be in the past' });
  return found;
}

/**
 * `/escalation/items/new?kind=KPI_BREACH&provider=RR8&indicator=AE_4HR_ALL&period=2019-03-01` (or `notice=<id>`,
 * `ccg=02V`): the raise form, filled in from where it was opened (a failing tile, a contract notice).
 */
export function RaiseItemPage() {
  usePageTitle('Raise an escalation item');
  const [params] = useSearchParams();
  const { data, loading, error } = useQuery(RaiseContextQuery);
  if (loading && !data) return <Loading label="Loading the form" />;
  if (!data) {
    return (
      <>
        <h1 className="nhsuk-heading-l">Raise an escalation item</h1>
        <ErrorSummary title="The form could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      </>
    );
  }
  const ccgs = viewerEscalationCcgs(data.me);
  if (ccgs.length === 0) {
    return (
      <>
        <h1 className="nhsuk-heading-l">You cannot raise escalation items</h1>
        <p className="nhsuk-body">Items are raised by the staff of a CCG, for its boards. You hold no role at a CCG.</p>
      </>
    );
  }
  return <RaiseForm ccgs={ccgs} indicators={data.indicators} params={params} />;
}

function RaiseForm({ ccgs, indicators, params }: { ccgs: { code: string; name: string }[]; indicators: readonly { code: string; name: string }[]; params: URLSearchParams }) {
  const navigate = useNavigate();
  const [today] = useState(() => todayInEngland(new Date()));
  const askedCcg = params.get('ccg')?.toUpperCase();
  const noticeId = params.get('notice');
  const askedKind = params.get('kind');
  const askedPeriod = params.get('period') ?? '';
  const [fields, setFields] = useState<Fields>(() => ({
    ccg: ccgs.find((ccg) => ccg.code === askedCcg)?.code ?? (ccgs.length === 1 ? ccgs[0].code : ''),
    kind: isKind(askedKind) ? askedKind : noticeId ? 'CONTRACT_NOTICE' : '',
    title: '',
    description: '',
    severity: '',
    dueOn: '',
    providerCode: params.get('provider')?.toUpperCase() ?? '',
    indicatorCode: params.get('indicator') ?? '',
    period: MONTH.test(askedPeriod) ? askedPeriod.slice(0, 7) : '',
    text: params.get('text')?.slice(0, 2000) ?? '',
  }));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [raise, { loading }] = useMutation(RaiseEscalationItemMutation);
  const notice = useQuery(RaiseNoticeQuery, { variables: { id: noticeId ?? '' }, skip: !noticeId });
  const noticeProvider = notice.data?.contractNotice?.contract.provider.code;
  const providerCode = noticeProvider ?? fields.providerCode.trim().toUpperCase();
  const provider = useQuery(RaiseProviderQuery, { variables: { code: params.get('provider')?.toUpperCase() ?? '' }, skip: !params.get('provider') || Boolean(noticeId) });
  const prefilledProvider = provider.data?.organisation ?? notice.data?.contractNotice?.contract.provider ?? null;
  const prefilledIndicator = indicators.find((indicator) => indicator.code === params.get('indicator'));

  // Months from April 2013, when CCGs began, to this month, the latest first.
  const periodChoices = useMemo(() => {
    const months: string[] = [];
    for (let month = `${yearMonthOf(today)}-01`; compareIsoDates(month, CCG_ERA_START) >= 0; month = addCalendarMonths(month, -1)) months.push(month);
    return months;
  }, [today]);
  const set = (key: keyof Fields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));
  const setText = (key: keyof Fields) => (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = raiseProblems({ ...fields, providerCode }, today);
    setProblems(found);
    if (found.length > 0 || !fields.kind || !fields.severity) {
      setFocus((n) => n + 1);
      return;
    }
    const period = fields.period.trim().match(MONTH);
    try {
      const result = await raise({
        variables: {
          input: {
            ccg: fields.ccg,
            kind: fields.kind,
            title: fields.title.trim(),
            description: fields.description.trim(),
            severity: fields.severity,
            dueOn: fields.dueOn || null,
            source: {
              providerCode: needsProvider(fields.kind) && providerCode ? providerCode : null,
              indicatorCode: needsIndicator(fields.kind) && fields.indicatorCode ? fields.indicatorCode : null,
              period: needsIndicator(fields.kind) && period ? `${period[1]}-${period[2]}-01` : null,
              noticeId: fields.kind === 'CONTRACT_NOTICE' ? noticeId : null,
              text: fields.text.trim() || null,
            },
          },
        },
      });
      if (result.data) navigate(`/escalation/items/${result.data.raiseEscalationItem.id}`);
    } catch (error) {
      const { reason, details } = errorCodes(error);
      if (reason === 'BOARD_NOT_SET_UP') {
        const kind = typeof details?.boardKind === 'string' && isBoardKind(details.boardKind) ? BOARD_KIND_LABELS[details.boardKind] : 'the board the route starts at';
        setProblems([{ field: null, message: `The CCG has no ${kind} yet, where items of this kind are raised. An administrator of the CCG sets up its boards.` }]);
      } else {
        const fieldId = refusedFields(details).map((field) => SOURCE_FIELDS[field]).find(Boolean);
        const problem = refusalProblem(error, RAISE_REFUSALS, 'Items are raised by the staff of the CCG.');
        setProblems([fieldId && !(reason && RAISE_REFUSALS[reason]) ? { field: fieldId, message: reason === 'SOURCE_REQUIRED' ? 'Say what the item was raised from' : problem.message } : problem]);
      }
      setFocus((n) => n + 1);
    }
  }

  const kind = fields.kind;
  return (
    <>
      <div className="nhsuk-back-link">
        <Link className="nhsuk-back-link__link" to="/escalation">
          Escalation
        </Link>
      </div>
      <h1 className="nhsuk-heading-l">Raise an escalation item</h1>
      <p className="nhsuk-body">The item starts at the board the CCG’s escalation route names for its kind (the Integrated Performance and Delivery Board for most), and its history keeps every step.</p>
      <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h2" />
      <form onSubmit={(event) => void submit(event)} noValidate>
        {ccgs.length > 1 ? (
          <Radios name="raise-ccg" legend="CCG" legendSize="s" items={ccgs.map((ccg) => ({ value: ccg.code, label: `${organisationName(ccg.name)} (${ccg.code})` }))} value={fields.ccg} onChange={set('ccg')} />
        ) : (
          <p className="nhsuk-body">
            For {organisationName(ccgs[0].name)} ({ccgs[0].code}).
          </p>
        )}
        {problemFor(problems, 'raise-ccg-1') && <FieldError message={problemFor(problems, 'raise-ccg-1')} />}
        {(prefilledProvider || prefilledIndicator || notice.data?.contractNotice) && (
          <div className="nhsuk-inset-text">
            <span className="nhsuk-u-visually-hidden">Information: </span>
            <p>
              Raised from{' '}
              {notice.data?.contractNotice
                ? `the contract performance notice under ${notice.data.contractNotice.contract.title}`
                : [prefilledIndicator?.name, prefilledProvider ? `${organisationName(prefilledProvider.name)} (${prefilledProvider.code})` : null, fields.period ? monthLabel(`${fields.period}-01`) : null].filter(Boolean).join(', ')}
              .
            </p>
          </div>
        )}
        <Radios
          name="raise-kind"
          legend="What the item is about"
          legendSize="s"
          items={ESCALATION_ITEM_KINDS.filter((candidate) => candidate !== 'CONTRACT_NOTICE' || noticeId).map((candidate) => ({ value: candidate, label: ESCALATION_ITEM_KIND_LABELS[candidate] }))}
          value={kind}
          onChange={set('kind')}
        />
        {problemFor(problems, 'raise-kind-1') && <FieldError message={problemFor(problems, 'raise-kind-1')} />}
        {needsProvider(kind) && !noticeProvider && (
          <TextInput
            id="raise-provider"
            label={providerRequired(kind) ? 'Provider' : 'Provider (optional)'}
            hint="The provider’s ODS code, for example RR8 for Leeds Teaching Hospitals NHS Trust"
            width={5}
            value={fields.providerCode}
            error={problemFor(problems, 'raise-provider')}
            onChange={setText('providerCode')}
          />
        )}
        {needsIndicator(kind) && (
          <>
            <FormGroup id="raise-indicator" label="Indicator" error={problemFor(problems, 'raise-indicator')}>
              {({ describedBy, invalid }) => (
                <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id="raise-indicator" value={fields.indicatorCode} aria-describedby={describedBy} onChange={setText('indicatorCode')}>
                  <option value="">Choose the indicator</option>
                  {indicators.map((indicator) => (
                    <option key={indicator.code} value={indicator.code}>
                      {indicator.name}
                    </option>
                  ))}
                </select>
              )}
            </FormGroup>
            <MonthSelect id="raise-period" label="Month the data is for (optional)" months={periodChoices} value={fields.period} error={problemFor(problems, 'raise-period')} onChange={set('period')} />
          </>
        )}
        {kind && (
          <FormGroup
            id="raise-text"
            label={textRequired(kind) ? 'Where the concern comes from' : 'Where the concern comes from (optional)'}
            hint="For example the report, meeting or complaint it was raised in"
            error={problemFor(problems, 'raise-text')}
          >
            {({ describedBy, invalid }) => <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="raise-text" rows={2} value={fields.text} aria-describedby={describedBy} onChange={setText('text')} />}
          </FormGroup>
        )}
        <TextInput id="raise-title" label="Title" hint="A short name the boards will know it by" value={fields.title} error={problemFor(problems, 'raise-title')} onChange={setText('title')} />
        <FormGroup id="raise-description" label="The concern" hint="What is wrong, what is known so far and what the board is asked to do" error={problemFor(problems, 'raise-description')}>
          {({ describedBy, invalid }) => (
            <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id="raise-description" rows={5} value={fields.description} aria-describedby={describedBy} onChange={setText('description')} />
          )}
        </FormGroup>
        <Radios name="raise-severity" legend="Severity" legendSize="s" items={ESCALATION_SEVERITIES.map((severity) => ({ value: severity, label: ESCALATION_SEVERITY_LABELS[severity] }))} value={fields.severity} onChange={set('severity')} />
        {problemFor(problems, 'raise-severity-1') && <FieldError message={problemFor(problems, 'raise-severity-1')} />}
        <DateInput id="raise-dueOn" legend="Due (optional)" hint={`When the board should have an answer. ${dateInputExample(today)}`} value={fields.dueOn} error={dateProblemFor(problems, 'raise-dueOn')} onChange={set('dueOn')} />
        <p className="nhsuk-body">You will be the item’s owner.</p>
        <Button type="submit" disabled={loading}>
          {loading ? 'Raising…' : 'Raise the item'}
        </Button>
      </form>
    </>
  );
}

function FieldError({ message }: { message?: string }) {
  return (
    <p className="nhsuk-error-message">
      <span className="nhsuk-u-visually-hidden">Error: </span>
      {message}
    </p>
  );
}
