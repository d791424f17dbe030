import type { MigrationInterface, QueryRunner } from 'typeorm';

// The 2013/14 national schedule as libs/domain/src/sanctions held it until this migration (values and citations
// unchanged). Written out here: a migration is history, and the rows are now edited in the database.
const STANDARD_CONTRACT_2013_14 =
  'NHS Standard Contract 2013/14, Schedule 4 (Quality Requirements: operational standards and national quality requirements, with the consequence of breach), as set out in Everyone Counts: Planning for Patients 2013/14 (NHS Commissioning Board, December 2012)';
const ref = (text: string) => ({ basis: 'REF', document: STANDARD_CONTRACT_2013_14, locator: 'Schedule 4, national quality requirements [ref]', text });
const PENALTIES_SEED = {
  basis: 'SEED',
  document: "seeds/001_b868adc008dc83bd.txt: ccginformation.com, archive for the category 'CCGs and NHS England' (posts of 2012-2014)",
  locator: "post of 24 December 2012 ('The NHS Commissioning Board (NHSCB) has launched Christmas'), 4th paragraph, line 124",
  text:
    'Littered throughout the document are also references to specific situations in which the NHSCB will expect CCGs to implement ' +
    'financial penalties, including completeness and quality of data, individual 52 week breaches, and ambulance handover delays over ' +
    '30 minutes (with a further fine for delays over an hour).',
};
const NATIONAL_2013_14 = [
  {
    code: 'RTT_52_WEEK_WAIT',
    description: 'Each patient waiting more than 52 weeks from referral to treatment.',
    countUnit: 'BREACH',
    unitValue: '5000.00',
    sources: [ref('£5,000 per service user with an incomplete referral-to-treatment pathway over 52 weeks at the end of the month.'), PENALTIES_SEED],
  },
  {
    code: 'TROLLEY_WAIT_12_HOURS',
    description: 'Each 12-hour trolley wait in A&E (decision to admit to admission).',
    countUnit: 'BREACH',
    unitValue: '1000.00',
    sources: [ref('£1,000 per incidence of a trolley wait over 12 hours from decision to admit.')],
  },
  {
    code: 'AMBULANCE_HANDOVER_30_TO_60_MINUTES',
    description: 'Each ambulance-to-A&E handover taking over 30 minutes, up to 60 minutes.',
    countUnit: 'BREACH',
    unitValue: '200.00',
    sources: [ref('£200 per patient waiting over 30 minutes for handover from ambulance to A&E.'), PENALTIES_SEED],
  },
  {
    code: 'AMBULANCE_HANDOVER_OVER_60_MINUTES',
    description: 'Each ambulance-to-A&E handover taking over 60 minutes.',
    countUnit: 'BREACH',
    unitValue: '1000.00',
    sources: [ref('£1,000 per patient waiting over 60 minutes for handover from ambulance to A&E.'), PENALTIES_SEED],
  },
  {
    code: 'MIXED_SEX_ACCOMMODATION_BREACH',
    description: 'Each day of each patient affected by a mixed-sex accommodation breach.',
    countUnit: 'PATIENT_DAY',
    unitValue: '250.00',
    sources: [ref('£250 per day per service user affected by a breach of the mixed-sex accommodation standard.')],
  },
];

/**
 * Sanctions and fine income (issue 15, item 5; decision 0023).
 * - `sanction_schedule`: the sanction rates as editable reference data: the national sanctions of each contract year
 *   (contract_id null) with their published sources, and each contract's local sanctions (what it is for, its rate).
 *   Seeded here with the 2013/14 national schedule that libs/domain held as constants until this migration, with the
 *   same values and citations. The domain's arithmetic takes these rows as input.
 * - `sanction_ledger_entry`: a contract's ledger: each sanction sum (calculated from the data or from a count) and
 *   each GC9 withholding, its status (the domain's SANCTION_LEDGER_TRANSITIONS), the waiver reason and how the
 *   income of an applied sum is used; amounts, unit values and the inputs of the calculation are frozen on the row.
 * - `sanction_ledger_event`: every move of an entry (the history), append-only.
 * The status lists are written out here, not imported from the domain: a migration is history.
 * Grants: the application group role reads and writes the tables (as every table but audit_event and migrations),
 * stated here as well as by the default privileges of 1763800009000-app-role.ts.
 */
export class Sanctions1763800014000 implements MigrationInterface {
  name = 'Sanctions1763800014000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE sanction_schedule (
        id              uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        scope           varchar(10)   NOT NULL CHECK (scope IN ('NATIONAL','LOCAL')),
        financial_year  varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        contract_id     uuid          REFERENCES contract (id) ON DELETE CASCADE,
        code            varchar(60)   NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
        description     text          NOT NULL CHECK (btrim(description) <> ''),
        count_unit      varchar(30)   NOT NULL CHECK (count_unit IN ('BREACH','PATIENT_DAY','BREACH_BEYOND_TOLERANCE')),
        unit_value      numeric(14,2) NOT NULL CHECK (unit_value >= 0),
        measure         varchar(30)   CHECK (measure IN ('AE_FOUR_HOUR_WAIT')),
        sources         jsonb         NOT NULL DEFAULT '[]'::jsonb CHECK (jsonb_typeof(sources) = 'array'),
        position        smallint      NOT NULL CHECK (position >= 1),
        updated_by      uuid          REFERENCES app_user (id),
        updated_at      timestamptz   NOT NULL DEFAULT now(),
        version         integer       NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT sanction_schedule_scope_contract CHECK ((scope = 'NATIONAL') = (contract_id IS NULL)),
        CONSTRAINT sanction_schedule_national_cited CHECK (scope = 'LOCAL' OR jsonb_array_length(sources) >= 1),
        CONSTRAINT sanction_schedule_measured_unit CHECK (measure IS NULL OR count_unit = 'BREACH_BEYOND_TOLERANCE')
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX sanction_schedule_national_key ON sanction_schedule (financial_year, code) WHERE contract_id IS NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX sanction_schedule_local_key ON sanction_schedule (contract_id, code) WHERE contract_id IS NOT NULL`);
    await queryRunner.query(`COMMENT ON COLUMN sanction_schedule.sources IS 'Citations: [{basis, document, locator, text}], the published figure first'`);

    await queryRunner.query(`
      CREATE TABLE sanction_ledger_entry (
        id                 uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id        uuid          NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
        notice_id          uuid          REFERENCES contract_notice (id),
        kind               varchar(12)   NOT NULL CHECK (kind IN ('SANCTION','WITHHOLDING')),
        sanction_code      varchar(60),
        schedule_entry_id  uuid          REFERENCES sanction_schedule (id) ON DELETE SET NULL,
        description        text          NOT NULL CHECK (btrim(description) <> ''),
        month              date          NOT NULL CHECK (extract(day FROM month) = 1),
        count              integer       CHECK (count >= 0),
        unit_value         numeric(14,2) CHECK (unit_value >= 0),
        amount             numeric(14,2) NOT NULL CHECK (amount >= 0),
        basis              varchar(10)   NOT NULL CHECK (basis IN ('DATA','COUNT','GC9')),
        calculation        jsonb         NOT NULL DEFAULT '{}'::jsonb,
        status             varchar(12)   NOT NULL CHECK (status IN ('CALCULATED','APPLIED','WAIVED','WITHHELD','RETURNED')),
        reason             text,
        income_use         varchar(30)   CHECK (income_use IN ('INVESTED_IN_FIX','OFFSET_IN_YEAR_PRESSURE')),
        income_use_note    text,
        created_by         uuid          REFERENCES app_user (id),
        created_at         timestamptz   NOT NULL DEFAULT now(),
        updated_at         timestamptz   NOT NULL DEFAULT now(),
        version            integer       NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT sanction_ledger_entry_kind CHECK ((kind = 'SANCTION') = (sanction_code IS NOT NULL) AND (kind = 'WITHHOLDING') = (basis = 'GC9')),
        CONSTRAINT sanction_ledger_entry_waived CHECK (status <> 'WAIVED' OR (reason IS NOT NULL AND btrim(reason) <> '')),
        CONSTRAINT sanction_ledger_entry_income CHECK (income_use IS NULL OR status = 'APPLIED'),
        CONSTRAINT sanction_ledger_entry_income_note CHECK ((income_use IS NULL) = (income_use_note IS NULL) AND (income_use_note IS NULL OR btrim(income_use_note) <> ''))
      )`);
    // One sum per sanction and month, and one withholding per month, per contract: a recalculation cannot count twice.
    await queryRunner.query(`CREATE UNIQUE INDEX sanction_ledger_entry_sanction_key ON sanction_ledger_entry (contract_id, sanction_code, month) WHERE kind = 'SANCTION'`);
    await queryRunner.query(`CREATE UNIQUE INDEX sanction_ledger_entry_withholding_key ON sanction_ledger_entry (contract_id, month) WHERE kind = 'WITHHOLDING'`);
    await queryRunner.query(`CREATE INDEX sanction_ledger_entry_notice_idx ON sanction_ledger_entry (notice_id) WHERE notice_id IS NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE sanction_ledger_event (
        id           bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        entry_id     uuid         NOT NULL REFERENCES sanction_ledger_entry (id) ON DELETE CASCADE,
        action       varchar(30)  NOT NULL,
        from_status  varchar(12),
        to_status    varchar(12)  NOT NULL,
        actor_id     uuid         REFERENCES app_user (id),
        actor_kind   varchar(30)  NOT NULL,
        at           timestamptz  NOT NULL DEFAULT now(),
        note         text,
        details      jsonb        NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX sanction_ledger_event_entry_idx ON sanction_ledger_event (entry_id, id)`);

    for (const [position, row] of NATIONAL_2013_14.entries()) {
      await queryRunner.query(
        `INSERT INTO sanction_schedule (scope, financial_year, code, description, count_unit, unit_value, measure, sources, position)
         VALUES ('NATIONAL', '2013/14', $1, $2, $3, $4, NULL, $5::jsonb, $6)`,
        [row.code, row.description, row.countUnit, row.unitValue, JSON.stringify(row.sources), position + 1],
      );
    }

    for (const table of ['sanction_schedule', 'sanction_ledger_entry', 'sanction_ledger_event']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ccg_assure_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['sanction_ledger_event', 'sanction_ledger_entry', 'sanction_schedule']) await queryRunner.query(`DROP TABLE ${table}`);
  }
}
