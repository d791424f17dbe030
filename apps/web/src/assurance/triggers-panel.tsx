import { useQuery } from '@apollo/client/react';
import { Link } from 'react-router';
import { describeError } from '../app/graphql-errors';
import type { AssuranceTriggerKind, AssuranceTriggersQuery as TriggersResult } from '../gql/graphql';
import { Loading } from '../ui/loading';
import { Details } from '../ui/nhs';
import { planPath } from '../finance/stored-plan';
import { assessmentPath } from './assurance-access';
import { formatDate } from '../ui/format';
import { AssuranceTriggersQuery } from './assessment.operations';
import type { Evidence } from './evidence';

export type AssuranceTrigger = TriggersResult['assuranceTriggers']['triggers'][number];

/** Each kind in words (singular, plural), most severe first: the panel lists its groups in this order. */
const KINDS_BY_SEVERITY: readonly [AssuranceTriggerKind, string, string][] = [
  ['NOT_ASSURED_CATEGORY', 'Rated Not assured', 'Rated Not assured'],
  ['NOT_ASSURED_DOMAIN_RATING', 'Domain rated Not assured', 'Domains rated Not assured'],
  ['PLAN_NOT_COMPLIANT', 'Financial plan not compliant', 'Financial plans not compliant'],
  ['ADVERSE_FORECAST_VARIANCE', 'Adverse forecast variance', 'Adverse forecast variances'],
  ['INDICATOR_CONSISTENTLY_FAILING', 'Provider indicator consistently failing', 'Provider indicators consistently failing'],
  ['INDICATOR_SPECIAL_CAUSE_CONCERN', 'Provider indicator with special-cause concern', 'Provider indicators with special-cause concern'],
];

/** Groups of up to this many triggers start open; larger ones start folded, so the page stays readable. */
const OPEN_GROUP_SIZE = 3;

/** The triggers by kind, most severe kind first, each group in title order. */
export function triggerGroups<T extends { kind: AssuranceTriggerKind; title: string }>(triggers: readonly T[]) {
  return KINDS_BY_SEVERITY.map(([kind, one, many]) => {
    const items = triggers.filter((trigger) => trigger.kind === kind).sort((a, b) => a.title.localeCompare(b.title, 'en-GB'));
    return { kind, words: items.length === 1 ? one : many, items };
  }).filter((group) => group.items.length > 0);
}

/** Where the trigger came from, as a link into the product: the scorecard chart, the plan, or the assessment. */
export function triggerSourceLink(trigger: AssuranceTrigger, ccg: string): { to: string; text: string } | null {
  const { source } = trigger;
  switch (source.kind) {
    case 'SCORECARD':
      return source.providerCode
        ? { to: `/providers/${encodeURIComponent(source.providerCode)}${source.indicatorCode ? `#${encodeURIComponent(source.indicatorCode)}` : ''}`, text: `provider’s scorecard (${source.providerCode})` }
        : null;
    case 'FINANCIAL_PLAN':
      return source.financialYear ? { to: planPath(ccg, source.financialYear), text: `${source.financialYear} financial plan` } : null;
    case 'ASSESSMENT':
      return source.assessmentId ? { to: assessmentPath(source.assessmentId), text: `${source.quarterLabel ?? 'previous'} assessment` } : null;
    default:
      return null;
  }
}

/**
 * The warning signs beside the assessment form: failing indicators, a non-compliant plan, an adverse
 * forecast, a Not assured rating; each links to where it came from and can be cited as evidence.
 */
export function TriggersPanel({
  ccg,
  evidence,
  onCite,
  busy = false,
}: {
  ccg: string;
  evidence: readonly Evidence[];
  /** Cites the trigger as evidence; absent when the assessment cannot change. */
  onCite?: (trigger: AssuranceTrigger) => void;
  busy?: boolean;
}) {
  const { data, loading, error } = useQuery(AssuranceTriggersQuery, { variables: { ccg } });
  const result = data?.assuranceTriggers;
  const cited = (trigger: AssuranceTrigger) => evidence.some((item) => item.kind === trigger.evidenceKind && item.reference === trigger.evidenceReference);
  return (
    <section aria-labelledby="triggers-heading" className="nhsuk-card ccg-triggers">
      <div className="nhsuk-card__content">
        <h2 id="triggers-heading" className="nhsuk-heading-m">
          Triggers
        </h2>
        {loading && !data && <Loading label="Looking for triggers" />}
        {error && !data && <p className="nhsuk-body">The triggers could not be loaded. {describeError(error)}</p>}
        {result && result.triggers.length === 0 && <p className="nhsuk-body">No triggers: no failing indicators, plan or forecast concerns, or Not assured ratings.</p>}
        {result && result.triggers.length > 0 && (
          <>
            <p className="nhsuk-body">
              {result.triggers.length === 1 ? '1 trigger' : `${result.triggers.length} triggers`}, most serious first. Open a group to see each one.
            </p>
            {triggerGroups(result.triggers).map((group) => (
              <Details key={group.kind} summary={`${group.words} (${group.items.length})`} open={group.items.length <= OPEN_GROUP_SIZE}>
                <ul className="nhsuk-list ccg-trigger-list" data-trigger-kind={group.kind}>
                  {group.items.map((trigger, index) => {
                    const link = triggerSourceLink(trigger, ccg);
                    const alreadyCited = cited(trigger);
                    return (
                      <li key={`${trigger.title}-${index}`} className="ccg-trigger">
                        <strong className="ccg-block">{trigger.title}</strong>
                        <span className="ccg-block nhsuk-body-s">{trigger.detail}</span>
                        <span className="ccg-trigger__links">
                          {link && (
                            <Link to={link.to} className="nhsuk-link">
                              Open the {link.text}
                            </Link>
                          )}
                          {onCite &&
                            trigger.evidenceKind &&
                            (alreadyCited ? (
                              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">Cited as evidence</span>
                            ) : (
                              <button type="button" className="ccg-link-button" disabled={busy} onClick={() => onCite(trigger)}>
                                Cite as evidence<span className="nhsuk-u-visually-hidden">: {trigger.title}</span>
                              </button>
                            ))}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              </Details>
            ))}
          </>
        )}
        {result && (
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-0">
            {result.scorecardAsOf ? `Indicators judged on data to ${formatDate(result.scorecardAsOf)}` : 'No scorecard data to judge indicators on'}
            {result.providersConsidered.length === 0
              ? '.'
              : result.providersBasis === 'CONTRACTS'
                ? `, for the ${result.providersConsidered.length} providers this CCG holds contracts with for the year.`
                : `, for the ${result.providersConsidered.length} providers in this CCG’s NHS England region (it has no contracts recorded for the year).`}
          </p>
        )}
      </div>
    </section>
  );
}
