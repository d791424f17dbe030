import { sqlStatement } from '../database/typed-sql';

// The sanctions area's reads (decision 0009): the contract as the ledger needs it, the GC9 terms of its year, the
// schedule rows, the ledger and its history, the A&E month a sanction is calculated from, and the fine income of a
// CCG's contracts. Writes go through the entities.

const CONTRACT_COLUMNS = {
  id: 'uuid',
  providerCode: 'varchar',
  financialYear: 'varchar',
  leadCommissionerCode: 'varchar',
  contractValue: 'numeric',
  title: 'text',
  reference: 'text?',
  illustrative: 'bool',
  associateCodes: 'varchar[]',
} as const;
const CONTRACT_SELECT = `
  SELECT c.id, c.provider_code AS "providerCode", c.financial_year AS "financialYear", c.lead_commissioner_code AS "leadCommissionerCode",
         c.contract_value AS "contractValue", c.title, c.reference, c.illustrative,
         ARRAY(SELECT a.commissioner_code FROM contract_associate a WHERE a.contract_id = c.id ORDER BY a.commissioner_code) AS "associateCodes"
    FROM contract c`;

/** Contracts by id, with their associates. */
export const contractsByIds = sqlStatement({
  name: 'sanctions-contracts-by-ids',
  params: ['uuid[]'],
  columns: CONTRACT_COLUMNS,
  text: `${CONTRACT_SELECT} WHERE c.id = ANY($1)`,
});

/** Locks a contract's ledger for one change (the row lock serialises calculations of the same contract). */
export const lockContract = sqlStatement({
  name: 'sanctions-lock-contract',
  params: ['uuid'],
  columns: { id: 'uuid' },
  text: `SELECT id FROM contract WHERE id = $1 FOR UPDATE`,
});

/** The contracts a CCG leads or is associate to in a year: the fine income report's scope. */
export const contractsOfCcg = sqlStatement({
  name: 'sanctions-contracts-of-ccg',
  params: ['varchar', 'varchar'],
  columns: CONTRACT_COLUMNS,
  text: `${CONTRACT_SELECT}
   WHERE c.financial_year = $2
     AND (c.lead_commissioner_code = $1 OR EXISTS (SELECT 1 FROM contract_associate a WHERE a.contract_id = c.id AND a.commissioner_code = $1))
   ORDER BY c.provider_code, c.id`,
});

/** The share of the monthly contract value GC9 allows to be withheld in a contract year (contract_management_terms). */
export const withholdingTermsOfYear = sqlStatement({
  name: 'sanctions-withholding-terms-of-year',
  params: ['varchar'],
  columns: { withholdingPercent: 'numeric', source: 'text' },
  text: `SELECT withholding_percent AS "withholdingPercent", source FROM contract_management_terms WHERE financial_year = $1`,
});

/** The contract's threshold for an indicator it monitors: null threshold means the national standard. */
export const contractIndicatorThreshold = sqlStatement({
  name: 'sanctions-contract-indicator-threshold',
  params: ['uuid', 'varchar'],
  columns: { threshold: 'numeric?', thresholdSource: 'varchar' },
  text: `SELECT threshold, threshold_source AS "thresholdSource" FROM contract_indicator WHERE contract_id = $1 AND indicator_code = $2`,
});

/** A provider's A&E month as published: attendances and four-hour breaches over all department types, and how many rows. */
export const aeMonthOfProvider = sqlStatement({
  name: 'sanctions-ae-month-of-provider',
  params: ['varchar', 'date'],
  columns: { rows: 'int8', attendances: 'int8?', breaches: 'int8?' },
  text: `SELECT count(*) AS "rows", sum(attendances)::int8 AS attendances, sum(breaches)::int8 AS breaches
           FROM ae_attendance WHERE organisation_code = $1 AND period_start = $2`,
});

const SCHEDULE_COLUMNS = {
  id: 'uuid',
  scope: 'varchar',
  financialYear: 'varchar',
  contractId: 'uuid?',
  code: 'varchar',
  description: 'text',
  countUnit: 'varchar',
  unitValue: 'numeric',
  measure: 'varchar?',
  sources: 'jsonb',
  position: 'int2',
  version: 'int4',
  updatedAt: 'timestamptz',
} as const;
const SCHEDULE_SELECT = `
  SELECT id, scope, financial_year AS "financialYear", contract_id AS "contractId", code, description, count_unit AS "countUnit",
         unit_value AS "unitValue", measure, sources, position, version, updated_at AS "updatedAt"
    FROM sanction_schedule`;

/** The national rows of a contract year, in their order. */
export const nationalScheduleOfYear = sqlStatement({
  name: 'sanctions-national-schedule-of-year',
  params: ['varchar'],
  columns: SCHEDULE_COLUMNS,
  text: `${SCHEDULE_SELECT} WHERE contract_id IS NULL AND financial_year = $1 ORDER BY position, code`,
});

/** The rows contracts are under: the national rows of their years and their own local rows, national first. */
export const scheduleOfContracts = sqlStatement({
  name: 'sanctions-schedule-of-contracts',
  params: ['uuid[]'],
  columns: { ...SCHEDULE_COLUMNS, forContract: 'uuid' },
  text: `
  SELECT s.id, s.scope, s.financial_year AS "financialYear", s.contract_id AS "contractId", s.code, s.description, s.count_unit AS "countUnit",
         s.unit_value AS "unitValue", s.measure, s.sources, s.position, s.version, s.updated_at AS "updatedAt", c.id AS "forContract"
    FROM contract c
    JOIN sanction_schedule s ON (s.contract_id IS NULL AND s.financial_year = c.financial_year) OR s.contract_id = c.id
   WHERE c.id = ANY($1)
   ORDER BY c.id, s.scope DESC, s.position, s.code`,
});

/** One schedule row. */
export const scheduleEntryById = sqlStatement({
  name: 'sanctions-schedule-entry-by-id',
  params: ['uuid'],
  columns: SCHEDULE_COLUMNS,
  text: `${SCHEDULE_SELECT} WHERE id = $1`,
});

const ENTRY_COLUMNS = {
  id: 'uuid',
  contractId: 'uuid',
  noticeId: 'uuid?',
  kind: 'varchar',
  sanctionCode: 'varchar?',
  scheduleEntryId: 'uuid?',
  description: 'text',
  month: 'date',
  count: 'int4?',
  unitValue: 'numeric?',
  amount: 'numeric',
  basis: 'varchar',
  calculation: 'jsonb',
  status: 'varchar',
  reason: 'text?',
  incomeUse: 'varchar?',
  incomeUseNote: 'text?',
  createdAt: 'timestamptz',
  updatedAt: 'timestamptz',
  version: 'int4',
} as const;
const ENTRY_SELECT = `
  SELECT id, contract_id AS "contractId", notice_id AS "noticeId", kind, sanction_code AS "sanctionCode", schedule_entry_id AS "scheduleEntryId",
         description, month, count, unit_value AS "unitValue", amount, basis, calculation, status, reason, income_use AS "incomeUse",
         income_use_note AS "incomeUseNote", created_at AS "createdAt", updated_at AS "updatedAt", version
    FROM sanction_ledger_entry`;

/** The ledger of contracts, oldest month first. */
export const ledgerOfContracts = sqlStatement({
  name: 'sanctions-ledger-of-contracts',
  params: ['uuid[]'],
  columns: ENTRY_COLUMNS,
  text: `${ENTRY_SELECT} WHERE contract_id = ANY($1) ORDER BY contract_id, month, kind, sanction_code NULLS LAST, created_at`,
});

/** Ledger entries by id; with FOR UPDATE when changing one. */
export const ledgerEntriesByIds = sqlStatement({
  name: 'sanctions-ledger-entries-by-ids',
  params: ['uuid[]'],
  columns: ENTRY_COLUMNS,
  text: `${ENTRY_SELECT} WHERE id = ANY($1)`,
});

export const lockLedgerEntry = sqlStatement({
  name: 'sanctions-lock-ledger-entry',
  params: ['uuid'],
  columns: ENTRY_COLUMNS,
  text: `${ENTRY_SELECT} WHERE id = $1 FOR UPDATE`,
});

/** The ledger entries recorded under one notice (its letter lists them). */
export const ledgerOfNotice = sqlStatement({
  name: 'sanctions-ledger-of-notice',
  params: ['uuid'],
  columns: ENTRY_COLUMNS,
  text: `${ENTRY_SELECT} WHERE notice_id = $1 ORDER BY month, kind, sanction_code NULLS LAST, created_at`,
});

/** The history of entries, each entry's moves in order, with the actor's display name. */
export const eventsOfEntries = sqlStatement({
  name: 'sanctions-events-of-entries',
  params: ['uuid[]'],
  columns: {
    entryId: 'uuid',
    action: 'varchar',
    fromStatus: 'varchar?',
    toStatus: 'varchar',
    actorKind: 'varchar',
    actorName: 'text?',
    at: 'timestamptz',
    note: 'text?',
    details: 'jsonb',
  },
  text: `
  SELECT e.entry_id AS "entryId", e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", e.actor_kind AS "actorKind",
         u.display_name AS "actorName", e.at, e.note, e.details
    FROM sanction_ledger_event e LEFT JOIN app_user u ON u.id = e.actor_id
   WHERE e.entry_id = ANY($1)
   ORDER BY e.entry_id, e.id`,
});

/** A notice as the ledger and its letter need it (the notice itself is the contracts area's). */
export const noticeForSanctions = sqlStatement({
  name: 'sanctions-notice',
  params: ['uuid'],
  columns: {
    id: 'uuid',
    contractId: 'uuid',
    status: 'varchar',
    issuedOn: 'date?',
    responseMeetingBy: 'date?',
    meetingHeldOn: 'date?',
    evidence: 'jsonb?',
    indicatorCodes: 'text[]',
    raisedFrom: 'varchar',
    createdAt: 'timestamptz',
  },
  text: `SELECT id, contract_id AS "contractId", status, issued_on AS "issuedOn", response_meeting_by AS "responseMeetingBy", meeting_held_on AS "meetingHeldOn",
                evidence, indicator_codes AS "indicatorCodes", raised_from AS "raisedFrom", created_at AS "createdAt"
           FROM contract_notice WHERE id = $1`,
});

/** A notice's history, for its letter. */
export const noticeEventsForLetter = sqlStatement({
  name: 'sanctions-notice-events',
  params: ['uuid'],
  columns: { action: 'varchar', fromStatus: 'varchar?', toStatus: 'varchar', actorName: 'text?', actorKind: 'varchar', at: 'timestamptz', note: 'text?' },
  text: `
  SELECT e.action, e.from_status AS "fromStatus", e.to_status AS "toStatus", u.display_name AS "actorName", e.actor_kind AS "actorKind", e.at, e.note
    FROM contract_notice_event e LEFT JOIN app_user u ON u.id = e.actor_id
   WHERE e.notice_id = $1 ORDER BY e.id`,
});

/** Illustrative demo contracts with no local sanction counted from the A&E data yet (the demo seed gives them one). */
export const illustrativeContractsWithoutAeRate = sqlStatement({
  name: 'sanctions-illustrative-contracts-without-ae-rate',
  params: [],
  columns: { id: 'uuid', financialYear: 'varchar' },
  text: `SELECT c.id, c.financial_year AS "financialYear" FROM contract c
          WHERE c.illustrative
            AND NOT EXISTS (SELECT 1 FROM sanction_schedule s WHERE s.contract_id = c.id AND s.measure = 'AE_FOUR_HOUR_WAIT')
          ORDER BY c.financial_year, c.provider_code, c.id`,
});
