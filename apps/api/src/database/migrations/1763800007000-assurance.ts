import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Assurance (issue 7): assessments of a CCG per quarter (ratings and narrative per domain, evidence,
 * the decision, comments from the CCG), special measures episodes (their steps as an append-only event
 * history, the improvement plan's actions), buddy CCGs, and the 360-degree stakeholder survey results.
 *
 * The code lists (categories, states, actions, kinds) are written out here, not imported from the domain:
 * a migration is history and must not change when the code does. Columns marked "derived" are written by
 * the services from the domain library's functions, in the same transaction, for lists and filters.
 */
export class Assurance1763800007000 implements MigrationInterface {
  name = 'Assurance1763800007000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const categories = `'OUTSTANDING','GOOD','LIMITED_ASSURANCE','NOT_ASSURED'`;
    await queryRunner.query(`
      CREATE TABLE assurance_assessment (
        id                          uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code                    varchar(12)  NOT NULL REFERENCES organisation (code),
        financial_year              varchar(7)   NOT NULL CHECK (financial_year ~ '^[0-9]{4}/[0-9]{2}$'),
        quarter                     smallint     NOT NULL CHECK (quarter BETWEEN 1 AND 4),
        period_start                date         NOT NULL,
        framework                   varchar(10)  NOT NULL,
        status                      varchar(12)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT','PUBLISHED')),
        assessed_on                 date         NOT NULL,
        proposed_category           varchar(20)  CHECK (proposed_category IN (${categories})),
        decided_category            varchar(20)  CHECK (decided_category IN (${categories})),
        decision_proposed_category  varchar(20)  CHECK (decision_proposed_category IN (${categories})),
        rationale                   text,
        decided_by                  uuid         REFERENCES app_user (id),
        decided_at                  timestamptz,
        next_assessment_due         date,
        published_by                uuid         REFERENCES app_user (id),
        published_at                timestamptz,
        lock_version                integer      NOT NULL DEFAULT 1 CHECK (lock_version >= 1),
        illustrative                boolean      NOT NULL DEFAULT false,
        illustrative_note           text,
        created_by                  uuid         REFERENCES app_user (id),
        created_at                  timestamptz  NOT NULL DEFAULT now(),
        updated_at                  timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT assurance_assessment_quarter_key UNIQUE (ccg_code, financial_year, quarter),
        CONSTRAINT assurance_assessment_published CHECK ((status = 'PUBLISHED') = (published_at IS NOT NULL)),
        CONSTRAINT assurance_assessment_published_decided CHECK (status = 'DRAFT' OR decided_category IS NOT NULL),
        CONSTRAINT assurance_assessment_decision CHECK ((decided_category IS NULL) = (decision_proposed_category IS NULL) AND (decided_category IS NULL) = (next_assessment_due IS NULL)),
        CONSTRAINT assurance_assessment_illustrative_note CHECK (illustrative = (illustrative_note IS NOT NULL AND btrim(illustrative_note) <> ''))
      )`);
    await queryRunner.query(`CREATE INDEX assurance_assessment_ccg_idx ON assurance_assessment (ccg_code, period_start DESC)`);
    await queryRunner.query(`CREATE INDEX assurance_assessment_published_idx ON assurance_assessment (financial_year, ccg_code) WHERE status = 'PUBLISHED'`);
    await queryRunner.query(`COMMENT ON COLUMN assurance_assessment.proposed_category IS 'Derived: the domain''s proposeCategory of the ratings when every domain is rated, else null'`);
    await queryRunner.query(`COMMENT ON COLUMN assurance_assessment.next_assessment_due IS 'Derived: the domain''s nextAssessmentDue of the decided category and assessed_on'`);
    await queryRunner.query(`COMMENT ON COLUMN assurance_assessment.lock_version IS 'Optimistic concurrency: +1 on every change; a change names the lock_version it read'`);

    await queryRunner.query(`
      CREATE TABLE assurance_rating (
        assessment_id  uuid         NOT NULL REFERENCES assurance_assessment (id),
        domain         varchar(60)  NOT NULL,
        rating         varchar(20)  NOT NULL CHECK (rating IN (${categories})),
        narrative      text,
        rated_by       uuid         REFERENCES app_user (id),
        rated_at       timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (assessment_id, domain)
      )`);

    await queryRunner.query(`
      CREATE TABLE assurance_evidence (
        id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id  uuid         NOT NULL REFERENCES assurance_assessment (id),
        kind           varchar(30)  NOT NULL CHECK (kind IN ('SCORECARD_INDICATOR','PLAN_COMPLIANCE','FORECAST_VARIANCE','STAKEHOLDER_SURVEY','PUBLISHED_DOCUMENT','AUDIT','PARTNER_REPORT')),
        partner        varchar(40)  CHECK (partner IN ('HEALTHWATCH','HEALTH_AND_WELLBEING_BOARD','CQC','TDA','MONITOR')),
        domain         varchar(60),
        reference      text,
        url            text         CHECK (url ~ '^https?://'),
        note           text,
        added_by       uuid         REFERENCES app_user (id),
        added_at       timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT assurance_evidence_partner CHECK ((kind = 'PARTNER_REPORT') = (partner IS NOT NULL)),
        CONSTRAINT assurance_evidence_locator CHECK (reference IS NOT NULL OR url IS NOT NULL)
      )`);
    await queryRunner.query(`CREATE INDEX assurance_evidence_assessment_idx ON assurance_evidence (assessment_id, added_at)`);

    await queryRunner.query(`
      CREATE TABLE assurance_comment (
        id             uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id  uuid         NOT NULL REFERENCES assurance_assessment (id),
        author_id      uuid         NOT NULL REFERENCES app_user (id),
        text           text         NOT NULL CHECK (btrim(text) <> ''),
        created_at     timestamptz  NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX assurance_comment_assessment_idx ON assurance_comment (assessment_id, created_at)`);

    // A published assessment is read-only: its row, ratings and evidence never change again (comments,
    // the CCG's responses, may still be added). The service checks first; the database makes sure.
    await queryRunner.query(`
      CREATE FUNCTION assurance_assessment_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'assessment % is published: it cannot change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END
      $$`);
    await queryRunner.query(`CREATE TRIGGER assurance_assessment_guard BEFORE UPDATE OR DELETE ON assurance_assessment FOR EACH ROW EXECUTE FUNCTION assurance_assessment_guard()`);
    await queryRunner.query(`
      CREATE FUNCTION assurance_assessment_part_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        assessment_status varchar(12);
      BEGIN
        SELECT status INTO assessment_status FROM assurance_assessment WHERE id = COALESCE(NEW.assessment_id, OLD.assessment_id);
        IF assessment_status = 'PUBLISHED' THEN
          RAISE EXCEPTION 'assessment % is published: its % cannot change', COALESCE(NEW.assessment_id, OLD.assessment_id), TG_TABLE_NAME USING ERRCODE = 'check_violation';
        END IF;
        RETURN COALESCE(NEW, OLD);
      END
      $$`);
    for (const table of ['assurance_rating', 'assurance_evidence']) {
      await queryRunner.query(`CREATE TRIGGER ${table}_guard BEFORE INSERT OR UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION assurance_assessment_part_guard()`);
    }

    const states = `'PROPOSED','AGREED','DETERMINED','PUBLISHED','EXTERNAL_REVIEW','IMPROVEMENT_DIRECTOR_APPOINTED','IMPROVEMENT_PLAN_SIGNED_OFF','IN_PROGRESS','EXITED','ESCALATED'`;
    await queryRunner.query(`
      CREATE TABLE special_measures_episode (
        id                    uuid          PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code              varchar(12)   NOT NULL REFERENCES organisation (code),
        state                 varchar(40)   NOT NULL CHECK (state IN (${states})),
        proposed_on           date          NOT NULL,
        assurance_category    varchar(20)   NOT NULL CHECK (assurance_category IN ('NOT_ASSURED','LIMITED_ASSURANCE')),
        triggers              varchar(60)[] NOT NULL CHECK (cardinality(triggers) >= 1),
        entered_on            date,
        improvement_director  text,
        escalation_kind       varchar(30)   CHECK (escalation_kind IN ('CHANGE_OF_MANAGEMENT','CHANGE_OF_STRUCTURE','CHANGE_OF_GOVERNANCE','TAKEOVER')),
        closed_on             date,
        lock_version          integer       NOT NULL DEFAULT 1 CHECK (lock_version >= 1),
        illustrative          boolean       NOT NULL DEFAULT false,
        illustrative_note     text,
        created_by            uuid          REFERENCES app_user (id),
        created_at            timestamptz   NOT NULL DEFAULT now(),
        updated_at            timestamptz   NOT NULL DEFAULT now(),
        CONSTRAINT special_measures_closed CHECK ((state IN ('EXITED','ESCALATED')) = (closed_on IS NOT NULL)),
        CONSTRAINT special_measures_illustrative_note CHECK (illustrative = (illustrative_note IS NOT NULL AND btrim(illustrative_note) <> ''))
      )`);
    await queryRunner.query(`COMMENT ON COLUMN special_measures_episode.state IS 'Derived: the domain''s applySpecialMeasuresAction replayed over special_measures_event; likewise entered_on, improvement_director, escalation_kind, closed_on'`);
    // At most one open episode per CCG.
    await queryRunner.query(`CREATE UNIQUE INDEX special_measures_one_open ON special_measures_episode (ccg_code) WHERE state NOT IN ('EXITED','ESCALATED')`);
    await queryRunner.query(`CREATE INDEX special_measures_ccg_idx ON special_measures_episode (ccg_code, proposed_on DESC)`);

    await queryRunner.query(`
      CREATE TABLE special_measures_event (
        episode_id            uuid         NOT NULL REFERENCES special_measures_episode (id),
        seq                   integer      NOT NULL CHECK (seq >= 1),
        action                varchar(40)  NOT NULL CHECK (action IN ('AGREE_WITH_CCG','DETERMINE_BY_NHS_ENGLAND','PUBLISH_NOTICE','COMMISSION_EXTERNAL_REVIEW',
                                             'APPOINT_IMPROVEMENT_DIRECTOR','SIGN_OFF_IMPROVEMENT_PLAN','START_DELIVERY','REPORT_PROGRESS','EXIT','ESCALATE')),
        from_state            varchar(40)  NOT NULL CHECK (from_state IN (${states})),
        to_state              varchar(40)  NOT NULL CHECK (to_state IN (${states})),
        on_date               date         NOT NULL,
        note                  text,
        notice_url            text         CHECK (notice_url ~ '^https?://'),
        improvement_director  text,
        intensive_support     text,
        summary               text,
        escalation_kind       varchar(30),
        recorded_by           uuid         REFERENCES app_user (id),
        recorded_at           timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (episode_id, seq)
      )`);
    // The steps are history: append-only, like the audit trail.
    await queryRunner.query(`
      CREATE FUNCTION special_measures_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'special_measures_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER special_measures_event_append_only BEFORE UPDATE OR DELETE ON special_measures_event
      FOR EACH ROW EXECUTE FUNCTION special_measures_event_is_append_only()`);

    await queryRunner.query(`
      CREATE TABLE improvement_action (
        id           uuid         PRIMARY KEY DEFAULT gen_random_uuid(),
        episode_id   uuid         NOT NULL REFERENCES special_measures_episode (id),
        description  text         NOT NULL CHECK (btrim(description) <> ''),
        owner        text         NOT NULL CHECK (btrim(owner) <> ''),
        due_on       date         NOT NULL,
        status       varchar(20)  NOT NULL DEFAULT 'NOT_STARTED' CHECK (status IN ('NOT_STARTED','IN_PROGRESS','COMPLETED')),
        created_by   uuid         REFERENCES app_user (id),
        created_at   timestamptz  NOT NULL DEFAULT now(),
        updated_at   timestamptz  NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX improvement_action_episode_idx ON improvement_action (episode_id, due_on)`);

    await queryRunner.query(`
      CREATE TABLE assurance_buddy (
        ccg_code        varchar(12)  PRIMARY KEY REFERENCES organisation (code),
        buddy_ccg_code  varchar(12)  NOT NULL REFERENCES organisation (code),
        assigned_on     date         NOT NULL,
        assigned_by     uuid         REFERENCES app_user (id),
        CONSTRAINT assurance_buddy_not_self CHECK (ccg_code <> buddy_ccg_code)
      )`);

    await queryRunner.query(`
      CREATE TABLE stakeholder_survey_result (
        survey_year          varchar(7)   NOT NULL CHECK (survey_year ~ '^[0-9]{4}/[0-9]{2}$'),
        ccg_code             varchar(12)  NOT NULL REFERENCES organisation (code),
        question_code        varchar(40)  NOT NULL,
        question             text         NOT NULL,
        percentage_positive  numeric(5,2) NOT NULL CHECK (percentage_positive BETWEEN 0 AND 100),
        import_batch_id      bigint       NOT NULL REFERENCES import_batch (id),
        PRIMARY KEY (ccg_code, survey_year, question_code)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['stakeholder_survey_result', 'assurance_buddy', 'improvement_action', 'special_measures_event', 'special_measures_episode', 'assurance_comment', 'assurance_evidence', 'assurance_rating', 'assurance_assessment']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP FUNCTION special_measures_event_is_append_only()`);
    await queryRunner.query(`DROP FUNCTION assurance_assessment_part_guard()`);
    await queryRunner.query(`DROP FUNCTION assurance_assessment_guard()`);
  }
}
