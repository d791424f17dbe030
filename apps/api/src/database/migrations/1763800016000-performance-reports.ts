import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The signed monthly performance report (issue 17; decision 0029), after seed 000 (the governance loop): a CCG's
 * report for a month in versions, each DRAFT and READY_FOR_CCG while built live from the stored data, frozen into
 * `snapshot` when the CCG signs it, then signed by the higher board (PUBLISHED) or returned; a correction is a new
 * version with its reason. Section commentary, chart-point annotations (shown on later charts of the same series),
 * remedial actions carried forward until closed, and the report's history.
 *
 * The status lists are written out here, not imported from the domain: a migration is history. Grants: the
 * application group role reads and writes every table here but `performance_report_event`, which it may only insert
 * into and read, so no step of a report's history can be changed or lost by the API. Stated here and in
 * app-role.int-spec.ts.
 */
export class PerformanceReports1763800016000 implements MigrationInterface {
  name = 'PerformanceReports1763800016000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const STATES = `'DRAFT','READY_FOR_CCG','SIGNED_BY_CCG','PUBLISHED','RETURNED_BY_HIGHER_BOARD','SUPERSEDED'`;
    const SECTIONS = `'SCORECARD','FINANCE','ASSURANCE','CONTRACTS','ESCALATION','ACTIONS'`;

    await queryRunner.query(`
      CREATE TABLE performance_report (
        id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code          varchar(12) NOT NULL REFERENCES organisation (code),
        month             date        NOT NULL CHECK (extract(day FROM month) = 1),
        version           integer     NOT NULL CHECK (version >= 1),
        status            varchar(30) NOT NULL CHECK (status IN (${STATES})),
        supersedes_id     uuid        REFERENCES performance_report (id),
        correction_reason text,
        prepared_by       uuid        REFERENCES app_user (id),
        prepared_at       timestamptz NOT NULL DEFAULT now(),
        snapshot          jsonb,
        ccg_signed_by     uuid        REFERENCES app_user (id),
        ccg_signed_at     timestamptz,
        ccg_meeting       text,
        ccg_signed_on     date,
        higher_org_code   varchar(12) REFERENCES organisation (code),
        higher_signed_by  uuid        REFERENCES app_user (id),
        higher_signed_at  timestamptz,
        higher_meeting    text,
        higher_signed_on  date,
        published_at      timestamptz,
        row_version       integer     NOT NULL DEFAULT 1 CHECK (row_version >= 1),
        CONSTRAINT performance_report_version_key UNIQUE (ccg_code, month, version),
        CONSTRAINT performance_report_correction CHECK ((version = 1) = (supersedes_id IS NULL AND correction_reason IS NULL)),
        CONSTRAINT performance_report_frozen CHECK ((status IN ('DRAFT','READY_FOR_CCG')) = (snapshot IS NULL)),
        CONSTRAINT performance_report_ccg_signed CHECK ((ccg_signed_at IS NULL) = (ccg_signed_on IS NULL) AND (ccg_signed_at IS NULL) = (ccg_meeting IS NULL)),
        CONSTRAINT performance_report_higher_signed CHECK ((higher_signed_at IS NULL) = (higher_signed_on IS NULL) AND (higher_signed_at IS NULL) = (higher_meeting IS NULL)),
        CONSTRAINT performance_report_published CHECK ((published_at IS NULL) = (higher_signed_at IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX performance_report_ccg_idx ON performance_report (ccg_code, month DESC, version DESC)`);
    await queryRunner.query(`CREATE INDEX performance_report_published_idx ON performance_report (month DESC) WHERE published_at IS NOT NULL`);
    await queryRunner.query(
      `COMMENT ON COLUMN performance_report.snapshot IS 'Frozen when the CCG signs: every number, chart point, comment, action and annotation as shown; null while DRAFT or READY_FOR_CCG (built live)'`,
    );
    await queryRunner.query(`COMMENT ON COLUMN performance_report.row_version IS 'Optimistic concurrency: +1 on every change; a change names the version it read'`);

    await queryRunner.query(`
      CREATE TABLE performance_report_section (
        report_id   uuid        NOT NULL REFERENCES performance_report (id),
        section     varchar(20) NOT NULL CHECK (section IN (${SECTIONS})),
        commentary  text        NOT NULL,
        updated_by  uuid        REFERENCES app_user (id),
        updated_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (report_id, section)
      )`);

    await queryRunner.query(`
      CREATE TABLE performance_report_event (
        id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        report_id    uuid        NOT NULL REFERENCES performance_report (id),
        at           timestamptz NOT NULL DEFAULT now(),
        actor_id     uuid        REFERENCES app_user (id),
        actor_name   text        NOT NULL,
        action       varchar(30) NOT NULL,
        from_status  varchar(30) CHECK (from_status IN (${STATES})),
        to_status    varchar(30) NOT NULL CHECK (to_status IN (${STATES})),
        reason       text,
        details      jsonb       NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX performance_report_event_report_idx ON performance_report_event (report_id, id)`);
    await queryRunner.query(`COMMENT ON TABLE performance_report_event IS 'A report''s history: insert-only for the application role; actor_name is the display name as it was'`);

    await queryRunner.query(`
      CREATE TABLE series_annotation (
        id                uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        indicator_code    varchar(40) NOT NULL REFERENCES indicator (code),
        organisation_code varchar(12) NOT NULL REFERENCES organisation (code),
        period            date        NOT NULL,
        text              text        NOT NULL CHECK (btrim(text) <> ''),
        author_id         uuid        REFERENCES app_user (id),
        author_name       text        NOT NULL,
        created_at        timestamptz NOT NULL DEFAULT now(),
        report_id         uuid        REFERENCES performance_report (id)
      )`);
    await queryRunner.query(`CREATE INDEX series_annotation_series_idx ON series_annotation (organisation_code, indicator_code, period)`);

    await queryRunner.query(`
      CREATE TABLE report_action (
        id                  uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code            varchar(12) NOT NULL REFERENCES organisation (code),
        provider_code       varchar(12) REFERENCES organisation (code),
        description         text        NOT NULL CHECK (btrim(description) <> ''),
        owner               text        NOT NULL CHECK (btrim(owner) <> ''),
        due_on              date,
        status              varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DONE','DROPPED')),
        raised_in_report_id uuid        NOT NULL REFERENCES performance_report (id),
        closed_in_report_id uuid        REFERENCES performance_report (id),
        created_at          timestamptz NOT NULL DEFAULT now(),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        version             integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT report_action_closed CHECK ((status = 'OPEN') = (closed_in_report_id IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX report_action_ccg_idx ON report_action (ccg_code, status)`);

    for (const table of ['performance_report', 'performance_report_section', 'series_annotation', 'report_action']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ccg_assure_app`);
    }
    await queryRunner.query(`GRANT SELECT, INSERT ON performance_report_event TO ccg_assure_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON performance_report_event FROM ccg_assure_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['report_action', 'series_annotation', 'performance_report_event', 'performance_report_section', 'performance_report']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
