import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Financial plans (issue 6): one plan per CCG per financial year; its versions (draft, submitted,
 * approved, or returned with a reason), each with the allocation, plan lines by category, prior-year
 * running costs and the minimum Better Care Fund contribution; flexes (an approved exception to one
 * rule for one plan); the monthly forecast outturn in year.
 *
 * Money is numeric(14,2) (read back with Money.parse). The category and rule lists are written out
 * here, not imported from the domain: a migration is history and must not change when the code does.
 */
export class FinancialPlans1763800006000 implements MigrationInterface {
  name = 'FinancialPlans1763800006000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE financial_plan (
        id                                  uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code                            varchar(12)   NOT NULL REFERENCES organisation (code),
        financial_year                      varchar(7)    NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        current_version                     integer       NOT NULL CHECK (current_version >= 1),
        lock_version                        integer       NOT NULL DEFAULT 1 CHECK (lock_version >= 1),
        forecast_warning_threshold_percent  numeric(15,12) NOT NULL DEFAULT 1
                                            CHECK (forecast_warning_threshold_percent BETWEEN 0 AND 100),
        financial_warning                   boolean       NOT NULL DEFAULT false,
        illustrative                        boolean       NOT NULL DEFAULT false,
        illustrative_note                   text,
        created_at                          timestamptz   NOT NULL DEFAULT now(),
        updated_at                          timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT financial_plan_ccg_year_key UNIQUE (ccg_code, financial_year),
        CONSTRAINT financial_plan_illustrative_note CHECK (illustrative = (illustrative_note IS NOT NULL AND btrim(illustrative_note) <> ''))
      )`);
    await queryRunner.query(`CREATE INDEX financial_plan_year_idx ON financial_plan (financial_year, ccg_code)`);
    await queryRunner.query(`CREATE INDEX financial_plan_warning_idx ON financial_plan (ccg_code) WHERE financial_warning`);
    await queryRunner.query(`COMMENT ON COLUMN financial_plan.lock_version IS 'Optimistic concurrency: +1 on every change to the plan''s versions; a change names the lock_version it read'`);
    await queryRunner.query(`COMMENT ON COLUMN financial_plan.financial_warning IS 'Derived by the service in the same transaction: the latest forecast month shows an adverse variance above the threshold'`);

    await queryRunner.query(`
      CREATE TABLE financial_plan_version (
        plan_id                   uuid          NOT NULL REFERENCES financial_plan (id) ON DELETE CASCADE,
        number                    integer       NOT NULL CHECK (number >= 1),
        status                    varchar(20)   NOT NULL CHECK (status IN ('DRAFT','SUBMITTED','APPROVED','RETURNED')),
        allocation                numeric(14,2) NOT NULL CHECK (allocation > 0),
        prior_year_running_costs  numeric(14,2) CHECK (prior_year_running_costs >= 0),
        better_care_fund_minimum  numeric(14,2) CHECK (better_care_fund_minimum >= 0),
        compliant                 boolean       NOT NULL,
        created_by                uuid          REFERENCES app_user (id),
        created_at                timestamptz   NOT NULL DEFAULT now(),
        updated_by                uuid          REFERENCES app_user (id),
        updated_at                timestamptz   NOT NULL DEFAULT now(),
        submitted_by              uuid          REFERENCES app_user (id),
        submitted_at              timestamptz,
        decided_by                uuid          REFERENCES app_user (id),
        decided_at                timestamptz,
        return_reason             text,
        PRIMARY KEY (plan_id, number),
        CONSTRAINT financial_plan_version_submitted CHECK ((status = 'DRAFT') = (submitted_at IS NULL)),
        CONSTRAINT financial_plan_version_decided CHECK ((status IN ('APPROVED','RETURNED')) = (decided_at IS NOT NULL)),
        CONSTRAINT financial_plan_version_return_reason CHECK ((status = 'RETURNED') = (return_reason IS NOT NULL AND btrim(return_reason) <> ''))
      )`);
    await queryRunner.query(`COMMENT ON COLUMN financial_plan_version.compliant IS 'Derived by the service with the domain''s evaluatePlanCompliance (flexes applied) whenever the version or the plan''s flexes change; for filtering lists'`);
    // At most one version open (draft or awaiting review) and at most one approved, per plan.
    await queryRunner.query(`CREATE UNIQUE INDEX financial_plan_version_one_open ON financial_plan_version (plan_id) WHERE status IN ('DRAFT','SUBMITTED')`);
    await queryRunner.query(`CREATE UNIQUE INDEX financial_plan_version_one_approved ON financial_plan_version (plan_id) WHERE status = 'APPROVED'`);
    // The plan points at its latest version; deferred, as the plan and its first version are inserted together.
    await queryRunner.query(`
      ALTER TABLE financial_plan ADD CONSTRAINT financial_plan_current_version_fkey
      FOREIGN KEY (id, current_version) REFERENCES financial_plan_version (plan_id, number) DEFERRABLE INITIALLY DEFERRED`);

    await queryRunner.query(`
      CREATE TABLE financial_plan_line (
        plan_id         uuid          NOT NULL,
        version_number  integer       NOT NULL,
        line_number     smallint      NOT NULL CHECK (line_number >= 1),
        category        varchar(30)   NOT NULL CHECK (category IN ('ACUTE','MENTAL_HEALTH','COMMUNITY','PRIMARY_CARE','PRESCRIBING',
                                        'CONTINUING_CARE','OTHER_PROGRAMME','RUNNING_COSTS','BETTER_CARE_FUND','CONTINGENCY','NON_RECURRENT_FUND')),
        amount          numeric(14,2) NOT NULL CHECK (amount >= 0),
        PRIMARY KEY (plan_id, version_number, line_number),
        FOREIGN KEY (plan_id, version_number) REFERENCES financial_plan_version (plan_id, number) ON DELETE CASCADE
      )`);

    await queryRunner.query(`
      CREATE TABLE financial_plan_flex (
        id             uuid           PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id        uuid           NOT NULL REFERENCES financial_plan (id) ON DELETE CASCADE,
        rule           varchar(30)    NOT NULL CHECK (rule IN ('SURPLUS','CONTINGENCY','NON_RECURRENT_FUND','BETTER_CARE_FUND','RUNNING_COSTS')),
        percentage     numeric(15,12) NOT NULL CHECK (percentage BETWEEN 0 AND 100),
        reason         text           NOT NULL CHECK (btrim(reason) <> ''),
        approved_by    uuid           REFERENCES app_user (id),
        approved_on    date           NOT NULL,
        recorded_at    timestamptz    NOT NULL DEFAULT now(),
        superseded_at  timestamptz,
        CONSTRAINT financial_plan_flex_superseded CHECK (superseded_at IS NULL OR superseded_at >= recorded_at)
      )`);
    // One flex in force per rule per plan; a later one supersedes it (kept, with the time).
    await queryRunner.query(`CREATE UNIQUE INDEX financial_plan_flex_in_force ON financial_plan_flex (plan_id, rule) WHERE superseded_at IS NULL`);
    await queryRunner.query(`CREATE INDEX financial_plan_flex_plan_idx ON financial_plan_flex (plan_id, recorded_at)`);

    await queryRunner.query(`
      CREATE TABLE financial_plan_forecast (
        plan_id           uuid          NOT NULL REFERENCES financial_plan (id) ON DELETE CASCADE,
        month             date          NOT NULL CHECK (extract(day FROM month) = 1),
        forecast_outturn  numeric(14,2) NOT NULL CHECK (forecast_outturn >= 0),
        recorded_by       uuid          REFERENCES app_user (id),
        recorded_at       timestamptz   NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, month)
      )`);

    // A version's figures and lines are frozen once it leaves DRAFT, and its status moves only
    // DRAFT -> SUBMITTED -> APPROVED or RETURNED: the service checks first, the database makes sure.
    await queryRunner.query(`
      CREATE FUNCTION financial_plan_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status <> 'DRAFT' AND (NEW.allocation, NEW.prior_year_running_costs, NEW.better_care_fund_minimum)
             IS DISTINCT FROM (OLD.allocation, OLD.prior_year_running_costs, OLD.better_care_fund_minimum) THEN
          RAISE EXCEPTION 'financial plan version % is %: its figures cannot change', OLD.number, OLD.status USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.status IS DISTINCT FROM OLD.status AND NOT (
             (OLD.status = 'DRAFT' AND NEW.status = 'SUBMITTED') OR (OLD.status = 'SUBMITTED' AND NEW.status IN ('APPROVED','RETURNED'))) THEN
          RAISE EXCEPTION 'financial plan version % cannot go from % to %', OLD.number, OLD.status, NEW.status USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER financial_plan_version_guard BEFORE UPDATE ON financial_plan_version
      FOR EACH ROW EXECUTE FUNCTION financial_plan_version_guard()`);
    await queryRunner.query(`
      CREATE FUNCTION financial_plan_line_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        version_status varchar(20);
      BEGIN
        SELECT status INTO version_status FROM financial_plan_version
         WHERE plan_id = COALESCE(NEW.plan_id, OLD.plan_id) AND number = COALESCE(NEW.version_number, OLD.version_number);
        -- No version row: it is being deleted with its plan (cascade).
        IF version_status IS NOT NULL AND version_status <> 'DRAFT' THEN
          RAISE EXCEPTION 'financial plan version % is %: its lines cannot change', COALESCE(NEW.version_number, OLD.version_number), version_status
            USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER financial_plan_line_guard BEFORE INSERT OR UPDATE OR DELETE ON financial_plan_line
      FOR EACH ROW EXECUTE FUNCTION financial_plan_line_guard()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE financial_plan_forecast`);
    await queryRunner.query(`DROP TABLE financial_plan_flex`);
    await queryRunner.query(`DROP TABLE financial_plan_line`);
    await queryRunner.query(`DROP FUNCTION financial_plan_line_guard()`);
    await queryRunner.query(`ALTER TABLE financial_plan DROP CONSTRAINT financial_plan_current_version_fkey`);
    await queryRunner.query(`DROP TABLE financial_plan_version`);
    await queryRunner.query(`DROP FUNCTION financial_plan_version_guard()`);
    await queryRunner.query(`DROP TABLE financial_plan`);
  }
}
