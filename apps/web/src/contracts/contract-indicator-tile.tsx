import type { AssuranceType, PointType, RagStatus } from '../gql/graphql';
import { RagTag, sideOf } from '../providers/scorecard-labels';
import { formatValue, monthLabel } from '../ui/format';
import { AssuranceIcon, VariationIcon } from '../ui/spc-icons';
import { assuranceLabel, variationLabel } from '../ui/spc-labels';

export interface TileFacts {
  indicator: { code: string; name: string; unit: string; polarity?: string | null };
  value?: number | null;
  period?: string | null;
  threshold?: number | null;
  thresholdSource: 'NATIONAL' | 'LOCAL';
  rag?: RagStatus | null;
  variationType?: PointType | null;
  assuranceType?: AssuranceType | null;
}

/** A monitored indicator at a glance, as the contract judges it: value, threshold (national or local), RAG and the SPC icons. */
export function ContractIndicatorTile({ facts, idPrefix = 'tile' }: { facts: TileFacts; idPrefix?: string }) {
  const { indicator } = facts;
  const headingId = `${idPrefix}-${indicator.code}`;
  const side = sideOf(facts.variationType, indicator.polarity);
  return (
    <div className="nhsuk-card ccg-tile" aria-labelledby={headingId} role="group">
      <div className="nhsuk-card__content">
        <h3 id={headingId} className="nhsuk-card__heading nhsuk-heading-s">
          {indicator.name}
        </h3>
        {facts.value === null || facts.value === undefined ? (
          <p className="nhsuk-body">No data yet.</p>
        ) : (
          <p className="ccg-tile__value">
            {formatValue(facts.value, indicator.unit)}
            {facts.period && <span className="nhsuk-body-s ccg-tile__period"> in {monthLabel(facts.period)}</span>}
          </p>
        )}
        <dl className="ccg-tile__facts">
          <div>
            <dt>Threshold</dt>
            <dd>
              {facts.threshold === null || facts.threshold === undefined ? 'None' : formatValue(facts.threshold, indicator.unit)} (
              {facts.thresholdSource === 'LOCAL' ? 'local, agreed in the contract' : 'the national standard'})
            </dd>
          </div>
          <div>
            <dt>RAG</dt>
            <dd>
              <RagTag rag={facts.rag} />
            </dd>
          </div>
        </dl>
        {facts.variationType && (
          <ul className="ccg-tile__icons">
            <li>
              <VariationIcon type={facts.variationType} side={side} />
              <span aria-hidden="true">{variationLabel(facts.variationType, side)}</span>
            </li>
            <li>
              {facts.assuranceType ? <AssuranceIcon type={facts.assuranceType} /> : null}
              <span aria-hidden={facts.assuranceType ? 'true' : undefined}>{assuranceLabel(facts.assuranceType)}</span>
            </li>
          </ul>
        )}
      </div>
    </div>
  );
}
