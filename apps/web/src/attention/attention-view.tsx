import { organisationName } from '@ccg-assure/domain';
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { AttentionFilterInput, AttentionQuery as AttentionResult, AttentionSort } from '../gql/graphql';
import { formatValue, monthLabel } from '../ui/format';
import { FilterSelect } from '../ui/filter-select';
import { Loading } from '../ui/loading';
import { Button, ErrorSummary, Fieldset, TableContainer, TextInput } from '../ui/nhs';
import { AssuranceIcon, VariationIcon } from '../ui/spc-icons';
import { assuranceLabel, variationLabel } from '../ui/spc-labels';
import { RagTag, sideOf } from '../providers/scorecard-labels';
import { useRegionOptions } from '../providers/use-regions';
import {
  ASSURANCE_CHOICES,
  FUNNEL_CHOICES,
  RAG_CHOICES,
  SEVERITY_LEVEL_WORDS,
  SEVERITY_REASON_WORDS,
  TREND_CHOICES,
  TREND_WORDS,
  VARIATION_CHOICES,
  funnelWords,
} from './attention-labels';
import { AttentionQuery } from './attention.operations';

const PAGE_SIZE = 50;

type Connection = AttentionResult['attention'];
type Row = Connection['edges'][number]['node'];

/** The filter kinds in the address, each a comma-separated list (OR within a kind, AND across kinds). */
const KINDS = [
  { param: 'variation', legend: 'Variation', choices: VARIATION_CHOICES },
  { param: 'assurance', legend: 'Assurance against the target in force', choices: ASSURANCE_CHOICES },
  { param: 'rag', legend: 'RAG against the target in force', choices: RAG_CHOICES },
  { param: 'funnel', legend: 'Funnel position among peers (adjusted for over-dispersion)', choices: FUNNEL_CHOICES },
  { param: 'trend', legend: 'Trend of the last 3 values', choices: TREND_CHOICES },
] as const;
type KindParam = (typeof KINDS)[number]['param'];

function listOf(params: URLSearchParams, param: string, allowed: readonly { value: string }[]): string[] {
  const values = (params.get(param) ?? '').split(',').filter(Boolean);
  return values.filter((value) => allowed.some((choice) => choice.value === value));
}

const ISO_MONTH = /^\d{4}-\d{2}$/;

/**
 * What needs attention (issue 18 point 5): every provider and indicator in scope with its icons, RAG, funnel position,
 * trend and severity, filtered by checkboxes that combine (AND across groups, OR within one) and sorted by severity;
 * each row links to its chart, its comparison and, for those who may read them, its contract and escalation items.
 * The filters live in the address, so a view can be bookmarked and shared.
 */
export function AttentionView({ headingLevel = 1 }: { headingLevel?: 1 | 2 }) {
  const [params, setParams] = useSearchParams();
  const selected = Object.fromEntries(KINDS.map((kind) => [kind.param, listOf(params, kind.param, kind.choices)])) as Record<KindParam, string[]>;
  const sort: AttentionSort = params.get('sort') === 'provider' ? 'PROVIDER' : 'SEVERITY';
  const region = params.get('region') ?? '';
  const ccg = params.get('ccg') ?? '';
  const indicator = params.get('indicator') ?? '';
  const asOfParam = params.get('asOf') ?? '';
  const asOf = ISO_MONTH.test(asOfParam) ? `${asOfParam}-01` : null;
  const [draft, setDraft] = useState({ ...selected, sort, region, ccg, indicator, asOf: asOf ? asOfParam : '' });
  const [loadingMore, setLoadingMore] = useState(false);
  const regionOptions = useRegionOptions();

  const filter: AttentionFilterInput = {
    ccg: ccg || null,
    region: region || null,
    indicators: indicator ? [indicator] : null,
    variation: selected.variation.length ? (selected.variation as AttentionFilterInput['variation']) : null,
    assurance: selected.assurance.length ? (selected.assurance as AttentionFilterInput['assurance']) : null,
    rag: selected.rag.length ? (selected.rag as AttentionFilterInput['rag']) : null,
    funnelPosition: selected.funnel.length ? (selected.funnel as AttentionFilterInput['funnelPosition']) : null,
    trend: selected.trend.length ? (selected.trend as AttentionFilterInput['trend']) : null,
  };
  const { data, previousData, loading, error, fetchMore } = useQuery(AttentionQuery, { variables: { filter, asOf, sort, first: PAGE_SIZE } });
  const connection = (data ?? previousData)?.attention;

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const kind of KINDS) if (draft[kind.param].length) next.set(kind.param, draft[kind.param].join(','));
    if (draft.sort === 'PROVIDER') next.set('sort', 'provider');
    if (draft.region) next.set('region', draft.region);
    if (draft.ccg.trim()) next.set('ccg', draft.ccg.trim().toUpperCase());
    if (draft.indicator) next.set('indicator', draft.indicator);
    if (ISO_MONTH.test(draft.asOf)) next.set('asOf', draft.asOf);
    setParams(next);
  }

  function toggle(param: KindParam, value: string) {
    const current = draft[param];
    setDraft({ ...draft, [param]: current.includes(value) ? current.filter((v) => v !== value) : [...current, value] });
  }

  async function showMore() {
    if (!connection?.pageInfo.endCursor) return;
    setLoadingMore(true);
    try {
      await fetchMore({
        variables: { after: connection.pageInfo.endCursor },
        updateQuery: (previous, { fetchMoreResult }) => ({ attention: { ...fetchMoreResult.attention, edges: [...previous.attention.edges, ...fetchMoreResult.attention.edges] } }),
      });
    } finally {
      setLoadingMore(false);
    }
  }

  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const indicatorOptions = [
    { value: '', label: 'Every indicator' },
    ...[...new Map((connection?.edges ?? []).map(({ node }) => [node.indicator.code, node.indicator.name])).entries()].map(([value, label]) => ({ value, label })),
    ...(indicator && !connection?.edges.some(({ node }) => node.indicator.code === indicator) ? [{ value: indicator, label: indicator }] : []),
  ];

  return (
    <>
      <Heading className={headingLevel === 1 ? 'nhsuk-heading-l' : 'nhsuk-heading-m'}>What needs attention</Heading>
      <p className="nhsuk-body">
        Every provider and indicator in scope{connection?.asOf ? `, latest data ${monthLabel(connection.asOf)}` : ''}: the Making Data Count variation and assurance icons against
        the target in force, RAG, where the value lies among all NHS trusts in a funnel plot adjusted for over-dispersion, and the trend of the last 3 values. The most severe come
        first (severity adds a weight for each signal: special cause concern 4, consistently failing 3, failing 2, worse than peers 2 or 1, hit and miss 1, worsening 1).
      </p>
      <form aria-label="Filter what needs attention" onSubmit={submit} className="ccg-filters">
        {KINDS.map((kind) => (
          <div className="nhsuk-form-group" key={kind.param}>
            <Fieldset legend={kind.legend} legendSize="s">
              <div className="nhsuk-checkboxes nhsuk-checkboxes--small">
                {kind.choices.map((choice) => {
                  const id = `attention-${kind.param}-${choice.value}`;
                  return (
                    <div className="nhsuk-checkboxes__item" key={choice.value}>
                      <input className="nhsuk-checkboxes__input" id={id} type="checkbox" checked={draft[kind.param].includes(choice.value)} onChange={() => toggle(kind.param, choice.value)} />
                      <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor={id}>
                        {choice.label}
                      </label>
                    </div>
                  );
                })}
              </div>
            </Fieldset>
          </div>
        ))}
        <FilterSelect id="attention-indicator" label="Indicator" value={draft.indicator} options={indicatorOptions} onChange={(value) => setDraft({ ...draft, indicator: value })} />
        <FilterSelect id="attention-region" label="Region (instead of your CCG)" value={draft.region} options={regionOptions} onChange={(value) => setDraft({ ...draft, region: value, ccg: value ? '' : draft.ccg })} />
        <TextInput id="attention-ccg" label="CCG (ODS code, instead of yours)" value={draft.ccg} onChange={(event) => setDraft({ ...draft, ccg: event.currentTarget.value, region: '' })} width={5} />
        <TextInput id="attention-as-of" label="As at (month)" type="month" value={draft.asOf} onChange={(event) => setDraft({ ...draft, asOf: event.currentTarget.value })} width={10} />
        <FilterSelect
          id="attention-sort"
          label="Sort by"
          value={draft.sort}
          options={[
            { value: 'SEVERITY', label: 'Most severe first' },
            { value: 'PROVIDER', label: 'Provider name' },
          ]}
          onChange={(value) => setDraft({ ...draft, sort: value as AttentionSort })}
        />
        <Button type="submit" secondary>
          Apply filters
        </Button>
      </form>
      {connection && <ScopeNote scope={connection.scope} />}
      {error && (
        <ErrorSummary title="What needs attention could not be loaded" headingLevel="h2">
          <p>{describeError(error)}</p>
        </ErrorSummary>
      )}
      {loading && !connection && <Loading label="Loading what needs attention" />}
      {connection && (
        <>
          <p className="nhsuk-body" role="status" aria-live="polite">
            {loading ? 'Updating… ' : ''}
            {connection.totalCount === 0 ? 'Nothing matches these filters.' : `Showing ${connection.edges.length} of ${connection.totalCount} row${connection.totalCount === 1 ? '' : 's'}.`}
          </p>
          {connection.edges.length > 0 && <AttentionTable rows={connection.edges.map((edge) => edge.node)} />}
          {connection.pageInfo.hasNextPage && (
            <Button type="button" secondary onClick={() => void showMore()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'Show more rows'}
            </Button>
          )}
        </>
      )}
    </>
  );
}

function ScopeNote({ scope }: { scope: Connection['scope'] }) {
  const words =
    scope.kind === 'CCG'
      ? scope.basis === 'CONTRACTS'
        ? `The providers ${scope.organisationCode} holds contracts with for the year.`
        : `${scope.organisationCode} has no contracts recorded for the year: the providers in its NHS England region are shown instead.`
      : scope.kind === 'REGION'
        ? `The NHS trusts of region ${scope.organisationCode}.`
        : scope.kind === 'PROVIDERS'
          ? 'The providers chosen.'
          : 'Every NHS trust in England.';
  return (
    <p className="nhsuk-body" data-testid="attention-scope">
      {scope.isDefault ? 'Your default view. ' : ''}
      {words}
    </p>
  );
}

function AttentionTable({ rows }: { rows: Row[] }) {
  return (
    <TableContainer>
      <table className="nhsuk-table ccg-attention">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">What needs attention, most severe first unless sorted otherwise</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            <th scope="col" className="nhsuk-table__header">Provider and indicator</th>
            <th scope="col" className="nhsuk-table__header">Severity</th>
            <th scope="col" className="nhsuk-table__header">Value and target</th>
            <th scope="col" className="nhsuk-table__header">Icons</th>
            <th scope="col" className="nhsuk-table__header">Among peers</th>
            <th scope="col" className="nhsuk-table__header">Trend</th>
            <th scope="col" className="nhsuk-table__header">Links</th>
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {rows.map((row) => (
            <AttentionRowView key={`${row.provider.code}|${row.indicator.code}`} row={row} />
          ))}
        </tbody>
      </table>
    </TableContainer>
  );
}

function AttentionRowView({ row }: { row: Row }) {
  const provider = organisationName(row.provider.name);
  const side = sideOf(row.variationType, row.improvementDirection);
  const compare = `/providers/compare?indicator=${encodeURIComponent(row.indicator.code)}&period=${encodeURIComponent(row.period.startDate)}&provider=${encodeURIComponent(row.provider.code)}`;
  return (
    <tr className="nhsuk-table__row">
      <th scope="row" className="nhsuk-table__header">
        {provider} ({row.provider.code})<br />
        <span className="nhsuk-body-s">
          {row.indicator.name}, {row.period.label}
        </span>
      </th>
      <td className="nhsuk-table__cell">
        <strong>{SEVERITY_LEVEL_WORDS[row.severity.level]}</strong> ({row.severity.score})
        {row.severity.reasons.length > 0 && <span className="nhsuk-body-s">: {row.severity.reasons.map((reason) => SEVERITY_REASON_WORDS[reason]).join(', ')}</span>}
      </td>
      <td className="nhsuk-table__cell">
        {formatValue(row.value, row.indicator.unit)}
        <br />
        <span className="nhsuk-body-s">Target: {row.target === null || row.target === undefined ? 'none' : formatValue(row.target, row.indicator.unit)}</span>
        <br />
        <RagTag rag={row.rag} />
      </td>
      <td className="nhsuk-table__cell">
        <span className="ccg-grid__icons">
          <VariationIcon type={row.variationType} side={side} size={32} />
          <AssuranceIcon type={row.assuranceType} size={32} />
        </span>
        <span className="nhsuk-body-s">
          {variationLabel(row.variationType, side)}. {assuranceLabel(row.assuranceType)}.
        </span>
      </td>
      <td className="nhsuk-table__cell">{funnelWords(row.funnelPosition, row.funnelFavourable)}</td>
      <td className="nhsuk-table__cell">{row.trend ? TREND_WORDS[row.trend] : 'Too few values to say'}</td>
      <td className="nhsuk-table__cell">
        <ul className="nhsuk-list nhsuk-body-s">
          <li>
            <Link className="nhsuk-link" to={`/providers/${encodeURIComponent(row.provider.code)}#${encodeURIComponent(row.indicator.code)}`}>
              Chart<span className="nhsuk-u-visually-hidden"> of {row.indicator.name} at {provider}</span>
            </Link>
          </li>
          <li>
            <Link className="nhsuk-link" to={compare}>
              Comparison<span className="nhsuk-u-visually-hidden"> of {row.indicator.name}, {row.period.label}, highlighting {provider}</span>
            </Link>
          </li>
          {row.links?.contractId && (
            <li>
              <Link className="nhsuk-link" to={`/contracts/${encodeURIComponent(row.links.contractId)}`}>
                Contract<span className="nhsuk-u-visually-hidden"> with {provider}</span>
              </Link>
            </li>
          )}
          {row.links?.escalationItemIds.map((id, index) => (
            <li key={id}>
              <Link className="nhsuk-link" to={`/escalation/items/${encodeURIComponent(id)}`}>
                Escalation item {index + 1}
                <span className="nhsuk-u-visually-hidden"> about {provider}</span>
              </Link>
            </li>
          ))}
        </ul>
      </td>
    </tr>
  );
}
