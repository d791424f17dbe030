import { sqlStatement } from '../database/typed-sql';

/**
 * The first broken link of the audit hash chain, or no row when it is intact (decision 0015). Each chained row
 * is checked against its stored predecessor: its position must follow the previous one (else rows were
 * DELETED), and its hash must be sha256(previous hash || audit_event_canonical(row)) (else it was ALTERED,
 * or forged with a made-up hash). A row with no position was INSERTED_OUT_OF_CHAIN (the chain trigger was
 * off). Breaks in the chain come first, in chain order; rows outside it after, in id order.
 */
export const firstAuditChainBreak = sqlStatement({
  name: 'first-audit-chain-break',
  params: [],
  columns: { kind: 'text', position: 'int8?', eventId: 'int8', previousPosition: 'int8?' },
  text: `
    WITH chain AS (
      SELECT a.id, a.chain_position, a.row_hash,
             lag(a.chain_position, 1, 0::bigint) OVER links AS previous_position,
             sha256(COALESCE(lag(a.row_hash) OVER links, ''::bytea) || convert_to(audit_event_canonical(a), 'UTF8')) AS expected_hash
      FROM audit_event a
      WHERE a.chain_position IS NOT NULL
      WINDOW links AS (ORDER BY a.chain_position)
    ),
    breaks AS (
      SELECT CASE
               WHEN chain_position <> previous_position + 1 THEN 'DELETED'
               WHEN row_hash IS DISTINCT FROM expected_hash THEN 'ALTERED'
             END AS kind,
             chain_position AS position, id AS event_id, previous_position, 0 AS priority
      FROM chain
      UNION ALL
      SELECT 'INSERTED_OUT_OF_CHAIN', NULL, id, NULL, 1 FROM audit_event WHERE chain_position IS NULL
    )
    SELECT kind, position, event_id AS "eventId", previous_position AS "previousPosition"
    FROM breaks
    WHERE kind IS NOT NULL
    ORDER BY priority, position, event_id
    LIMIT 1`,
});

/** How many audit rows there are, and the head of the chain (its last position and hash, in hex). */
export const auditChainHead = sqlStatement({
  name: 'audit-chain-head',
  params: [],
  columns: { rows: 'int8', headPosition: 'int8?', headHash: 'text?' },
  text: `
    SELECT (SELECT count(*) FROM audit_event) AS rows,
           head.chain_position AS "headPosition",
           encode(head.row_hash, 'hex') AS "headHash"
    FROM (SELECT 1) AS one
    LEFT JOIN LATERAL (
      SELECT chain_position, row_hash FROM audit_event WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1
    ) AS head ON true`,
});
