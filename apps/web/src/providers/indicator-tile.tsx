import type { ReactNode } from 'react';
import { RaiseEscalationLink } from '../escalation/raise-link';
import type { ProviderScorecardQuery as ProviderScorecardResult } from '../gql/graphql';
import { formatCount, formatValue, monthLabel } from '../ui/format';
import { AssuranceIcon, VariationIcon } from '../ui/spc-icons';
import { assuranceLabel, specialCauseSide, variationLabel } from '../ui/spc-labels';
import { RagTag, standardWords } from './scorecard-labels';

export type ScorecardIndicator = ProviderScorecardResult['providerScorecard']['indicators'][number];

/** The side of the latest special cause, as the API classified the latest point. */
export function latestSide(entry: ScorecardIndicator) {
  return specialCauseSide(entry.series[entry.series.length - 1]?.specialCauseType);
}

/**
 * One indicator at a glance: latest value and period, standard, RAG, and the Making Data Count icons; `action`, what
 * the viewer may do about it; a failing tile of `providerCode` offers a CCG's staff to raise an escalation item.
 */
export function IndicatorTile({ entry, action, providerCode }: { entry: ScorecardIndicator; action?: ReactNode; providerCode?: string }) {
  const { indicator } = entry;
  const side = latestSide(entry);
  const headingId = `tile-${indicator.code}`;
  return (
    <div className="nhsuk-card ccg-tile" aria-labelledby={headingId} role="group">
      <div className="nhsuk-card__content">
        <h3 id={headingId} className="nhsuk-card__heading nhsuk-heading-s">
          <a className="nhsuk-link" href={`#${indicator.code}`}>
            {indicator.name}
          </a>
        </h3>
        <p className="ccg-tile__value">
          {formatValue(entry.latestValue, indicator.unit)}
          <span className="nhsuk-body-s ccg-tile__period"> in {monthLabel(entry.latestPeriod.startDate)}</span>
        </p>
        {entry.latestDenominator > 0 && indicator.unit === 'PERCENTAGE' && (
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour ccg-tile__counts">
            {formatCount(entry.latestNumerator)} of {formatCount(entry.latestDenominator)}
          </p>
        )}
        <dl className="ccg-tile__facts">
          <div>
            <dt>Standard</dt>
            <dd>{standardWords(entry.standard, indicator.unit)}</dd>
          </div>
          <div>
            <dt>RAG</dt>
            <dd>
              <RagTag rag={entry.rag} />
            </dd>
          </div>
        </dl>
        <ul className="ccg-tile__icons">
          <li>
            <VariationIcon type={entry.variationType} side={side} />
            <span aria-hidden="true">{variationLabel(entry.variationType, side)}</span>
          </li>
          <li>
            {entry.assuranceType ? <AssuranceIcon type={entry.assuranceType} /> : null}
            <span aria-hidden={entry.assuranceType ? 'true' : undefined}>{assuranceLabel(entry.assuranceType)}</span>
          </li>
        </ul>
        {action}
        {providerCode && entry.rag === 'RED' && (
          <RaiseEscalationLink kind="KPI_BREACH" provider={providerCode} indicator={indicator.code} period={entry.latestPeriod.startDate} about={indicator.name} />
        )}
      </div>
    </div>
  );
}
