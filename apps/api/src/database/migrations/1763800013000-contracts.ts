import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Provider contracts (issue 15; decision 0022): a contract per provider and financial year held by a lead
 * commissioner (a CCG) on behalf of associate CCGs, with its annual value (Money) and the indicators it monitors
 * (the national standard by default, a local threshold where agreed); breach proposals written after each import
 * from the stored scores; contract performance notices following the contract management condition (GC9) of the
 * NHS Standard Contract, their history and the evidence frozen when issued; remedial action plans with actions and
 * a monthly recovery trajectory, and the months it was missed; the figures GC9 names, per contract year, as
 * editable reference data.
 *
 * The status lists are written out here, not imported from the domain: a migration is history.
 * Grants: the application group role reads and writes every table here, stated here as well as by the default
 * privileges of 1763800009000-app-role.ts.
 */
export class Contracts1763800013000 implements MigrationInterface {
  name = 'Contracts1763800013000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE contract (
        id                      uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_code           varchar(12)   NOT NULL REFERENCES organisation (code),
        financial_year          varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        lead_commissioner_code  varchar(12)   NOT NULL REFERENCES organisation (code),
        contract_value          numeric(14,2) NOT NULL CHECK (contract_value >= 0),
        title                   text          NOT NULL CHECK (btrim(title) <> ''),
        reference               text,
        illustrative            boolean       NOT NULL DEFAULT false,
        illustrative_note       text,
        created_by              uuid          REFERENCES app_user (id),
        created_at              timestamptz   NOT NULL DEFAULT now(),
        updated_at              timestamptz   NOT NULL DEFAULT now(),
        version                 integer       NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT contract_provider_year_lead_key UNIQUE (provider_code, financial_year, lead_commissioner_code),
        CONSTRAINT contract_illustrative_note CHECK (illustrative = (illustrative_note IS NOT NULL AND btrim(illustrative_note) <> ''))
      )`);
    await queryRunner.query(`CREATE INDEX contract_lead_idx ON contract (lead_commissioner_code, financial_year)`);
    await queryRunner.query(`COMMENT ON COLUMN contract.version IS 'Optimistic concurrency: +1 on every change; a change names the version it read'`);

    await queryRunner.query(`
      CREATE TABLE contract_associate (
        contract_id       uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
        commissioner_code varchar(12) NOT NULL REFERENCES organisation (code),
        PRIMARY KEY (contract_id, commissioner_code)
      )`);
    await queryRunner.query(`CREATE INDEX contract_associate_commissioner_idx ON contract_associate (commissioner_code)`);

    await queryRunner.query(`
      CREATE TABLE contract_indicator (
        contract_id       uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
        indicator_code    varchar(40) NOT NULL REFERENCES indicator (code),
        threshold         numeric,
        threshold_source  varchar(10) NOT NULL CHECK (threshold_source IN ('NATIONAL','LOCAL')),
        PRIMARY KEY (contract_id, indicator_code),
        CONSTRAINT contract_indicator_local_threshold CHECK ((threshold_source = 'LOCAL') = (threshold IS NOT NULL))
      )`);
    await queryRunner.query(`COMMENT ON COLUMN contract_indicator.threshold IS 'A locally agreed threshold; null: the national standard in force for the period'`);

    await queryRunner.query(`
      CREATE TABLE contract_management_terms (
        financial_year                   varchar(7)   PRIMARY KEY CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        meeting_within_operational_days  integer      NOT NULL CHECK (meeting_within_operational_days >= 0),
        investigation_report_operational_days integer NOT NULL CHECK (investigation_report_operational_days >= 0),
        rap_agree_within_operational_days integer     NOT NULL CHECK (rap_agree_within_operational_days >= 0),
        withholding_percent              numeric(7,4) NOT NULL CHECK (withholding_percent BETWEEN 0 AND 100),
        withholding_retained_after_months integer     NOT NULL CHECK (withholding_retained_after_months >= 0),
        source                           text         NOT NULL CHECK (btrim(source) <> ''),
        updated_by                       uuid         REFERENCES app_user (id),
        updated_at                       timestamptz  NOT NULL DEFAULT now()
      )`);

    // The figures GC9 (Contract Management) of the NHS Standard Contract General Conditions names, seeded for the
    // contract years the data covers and editable afterwards (updateContractManagementTerms, audited). Decision 0022.
    const GC9_SOURCE =
      'NHS Standard Contract General Conditions (full length), GC9 Contract Management: Contract Management Meeting within 10 Operational Days of a Contract Performance Notice (GC9.6); Remedial Action Plan agreed within 5 Operational Days (GC9.11); up to 2% of the Actual Monthly Value withheld while a plan is not agreed or not implemented (GC9.12, GC9.17), retained if the failure is not remedied within 3 months (GC9.20). The 10 Operational Days for a Joint Investigation report is the product’s default, not a GC9 figure. Figures written from knowledge of the condition, not read from its text (decision 0022): check against the published text of the year';
    await queryRunner.query(
      `INSERT INTO contract_management_terms (financial_year, meeting_within_operational_days, investigation_report_operational_days, rap_agree_within_operational_days,
                                              withholding_percent, withholding_retained_after_months, source)
       VALUES ('2014/15', 10, 10, 5, 2, 3, $1), ('2015/16', 10, 10, 5, 2, 3, $1),
              ('2016/17', 10, 10, 5, 2, 3, $2), ('2017/18', 10, 10, 5, 2, 3, $2), ('2018/19', 10, 10, 5, 2, 3, $2)`,
      [GC9_SOURCE, `Carried forward from the 2015/16 figures as an editable default for the years the bundled data covers: check against that year's General Conditions. ${GC9_SOURCE}`],
    );

    await queryRunner.query(`
      CREATE TABLE contract_breach_proposal (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id      uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
        indicator_code   varchar(40) NOT NULL REFERENCES indicator (code),
        period_id        integer     NOT NULL REFERENCES period (id),
        reasons          text[]      NOT NULL,
        evidence         jsonb       NOT NULL,
        status           varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','ACCEPTED','DISMISSED')),
        dismissed_reason text,
        decided_by       uuid        REFERENCES app_user (id),
        decided_at       timestamptz,
        import_batch_id  bigint      REFERENCES import_batch (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT contract_breach_proposal_key UNIQUE (contract_id, indicator_code, period_id),
        CONSTRAINT contract_breach_proposal_dismissed CHECK ((status = 'DISMISSED') = (dismissed_reason IS NOT NULL AND btrim(dismissed_reason) <> ''))
      )`);
    await queryRunner.query(`CREATE INDEX contract_breach_proposal_open_idx ON contract_breach_proposal (contract_id) WHERE status = 'OPEN'`);

    await queryRunner.query(`
      CREATE TABLE contract_notice (
        id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        contract_id         uuid        NOT NULL REFERENCES contract (id) ON DELETE CASCADE,
        status              varchar(30) NOT NULL CHECK (status IN ('DRAFT','ISSUED','MEETING_HELD','WITHDRAWN','UNDER_INVESTIGATION',
                              'RAP_AGREED','MONITORING','RAP_BREACHED','WITHHOLDING_APPLIED','EXCEPTION_REPORTED','RECOVERED','CLOSED','ESCALATED')),
        issued_on           date,
        response_meeting_by date,
        meeting_held_on     date,
        evidence            jsonb,
        indicator_codes     text[]      NOT NULL CHECK (cardinality(indicator_codes) >= 1),
        raised_from         varchar(20) NOT NULL CHECK (raised_from IN ('BREACH_PROPOSAL','MANUAL')),
        breach_proposal_id  uuid        REFERENCES contract_breach_proposal (id),
        created_by          uuid        REFERENCES app_user (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT contract_notice_issued CHECK ((status = 'DRAFT') OR (status = 'WITHDRAWN' AND issued_on IS NULL) OR (issued_on IS NOT NULL AND evidence IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX contract_notice_contract_idx ON contract_notice (contract_id, created_at)`);
    await queryRunner.query(`COMMENT ON COLUMN contract_notice.evidence IS 'Frozen when the notice is issued: per indicator the values, RAG, variation and assurance, limits and points as on the day'`);

    await queryRunner.query(`
      CREATE TABLE contract_notice_event (
        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        notice_id   uuid        NOT NULL REFERENCES contract_notice (id) ON DELETE CASCADE,
        action      varchar(40) NOT NULL,
        from_status varchar(30),
        to_status   varchar(30) NOT NULL,
        actor_id    uuid        REFERENCES app_user (id),
        actor_kind  varchar(20) NOT NULL,
        at          timestamptz NOT NULL DEFAULT now(),
        note        text,
        details     jsonb       NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX contract_notice_event_notice_idx ON contract_notice_event (notice_id, id)`);

    await queryRunner.query(`
      CREATE TABLE remedial_action_plan (
        id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        notice_id   uuid        NOT NULL UNIQUE REFERENCES contract_notice (id) ON DELETE CASCADE,
        agreed_on   date        NOT NULL,
        summary     text        NOT NULL CHECK (btrim(summary) <> ''),
        created_by  uuid        REFERENCES app_user (id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        version     integer     NOT NULL DEFAULT 1 CHECK (version >= 1)
      )`);

    await queryRunner.query(`
      CREATE TABLE remedial_action (
        id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id     uuid        NOT NULL REFERENCES remedial_action_plan (id) ON DELETE CASCADE,
        position    smallint    NOT NULL CHECK (position >= 1),
        description text        NOT NULL CHECK (btrim(description) <> ''),
        owner       text        NOT NULL CHECK (btrim(owner) <> ''),
        due_on      date        NOT NULL,
        status      varchar(20) NOT NULL CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETE','OVERDUE')),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        version     integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT remedial_action_position_key UNIQUE (plan_id, position)
      )`);

    await queryRunner.query(`
      CREATE TABLE recovery_trajectory_point (
        plan_id        uuid        NOT NULL REFERENCES remedial_action_plan (id) ON DELETE CASCADE,
        indicator_code varchar(40) NOT NULL REFERENCES indicator (code),
        month          date        NOT NULL CHECK (extract(day FROM month) = 1),
        value          numeric     NOT NULL,
        PRIMARY KEY (plan_id, indicator_code, month)
      )`);

    await queryRunner.query(`
      CREATE TABLE trajectory_miss (
        plan_id            uuid        NOT NULL REFERENCES remedial_action_plan (id) ON DELETE CASCADE,
        indicator_code     varchar(40) NOT NULL REFERENCES indicator (code),
        month              date        NOT NULL CHECK (extract(day FROM month) = 1),
        committed_value    numeric     NOT NULL,
        actual_value       numeric     NOT NULL,
        proposed_next_step varchar(30) NOT NULL,
        import_batch_id    bigint      REFERENCES import_batch (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, indicator_code, month)
      )`);

    for (const table of ['contract', 'contract_associate', 'contract_indicator', 'contract_management_terms', 'contract_breach_proposal',
      'contract_notice', 'contract_notice_event', 'remedial_action_plan', 'remedial_action', 'recovery_trajectory_point', 'trajectory_miss']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ccg_assure_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['trajectory_miss', 'recovery_trajectory_point', 'remedial_action', 'remedial_action_plan', 'contract_notice_event',
      'contract_notice', 'contract_breach_proposal', 'contract_management_terms', 'contract_indicator', 'contract_associate', 'contract']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
