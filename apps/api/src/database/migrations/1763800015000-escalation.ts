import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Boards and escalation (issue 16; decision 0024), after seed 002 (Sheffield CCG's performance management framework,
 * November 2015): a CCG's boards (the Programme Management Delivery Group, the Integrated Performance and Delivery
 * Board, the Commissioning Executive Team, the Governing Body, a Contract Management Board per provider and a System
 * Resilience Group per system) with their members and chair; a CCG's own escalation routes where they differ from the
 * seed's; escalation items with a history that never loses anything, actions, and the boards' meetings whose pack,
 * minutes and decisions are frozen when the meeting is held.
 *
 * The kind, severity and status lists are written out here, not imported from the domain: a migration is history.
 * Grants: the application group role reads and writes every table here but two, which it may only insert into and
 * read, so that nothing of an item's history or a meeting's decisions can be changed or lost by the API:
 * `escalation_item_event` and `board_meeting_decision`. Stated here (the default privileges of
 * 1763800009000-app-role.ts would give them UPDATE and DELETE) and in app-role.int-spec.ts.
 */
export class Escalation1763800015000 implements MigrationInterface {
  name = 'Escalation1763800015000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const BOARD_KINDS = `'PROGRAMME_MANAGEMENT_DELIVERY_GROUP','INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD','COMMISSIONING_EXECUTIVE_TEAM','GOVERNING_BODY','CONTRACT_MANAGEMENT_BOARD','SYSTEM_RESILIENCE_GROUP'`;
    const ITEM_KINDS = `'KPI_BREACH','CONTRACT_NOTICE','TRAJECTORY_MISS','ASSURANCE_TRIGGER','FINANCIAL_WARNING','QUALITY_CONCERN','PROGRAMME_EXCEPTION'`;

    await queryRunner.query(`
      CREATE TABLE board (
        id                 uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code           varchar(12) NOT NULL REFERENCES organisation (code),
        kind               varchar(60) NOT NULL CHECK (kind IN (${BOARD_KINDS})),
        name               text        NOT NULL CHECK (btrim(name) <> ''),
        provider_code      varchar(12) REFERENCES organisation (code),
        system_name        text,
        frequency          text        NOT NULL CHECK (btrim(frequency) <> ''),
        terms_of_reference text,
        illustrative       boolean     NOT NULL DEFAULT false,
        created_at         timestamptz NOT NULL DEFAULT now(),
        updated_at         timestamptz NOT NULL DEFAULT now(),
        version            integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT board_provider CHECK ((kind = 'CONTRACT_MANAGEMENT_BOARD') = (provider_code IS NOT NULL)),
        CONSTRAINT board_system CHECK ((kind = 'SYSTEM_RESILIENCE_GROUP') = (system_name IS NOT NULL AND btrim(system_name) <> ''))
      )`);
    // One board of each kind per CCG; one Contract Management Board per provider; one System Resilience Group per system.
    await queryRunner.query(`CREATE UNIQUE INDEX board_ccg_kind_key ON board (ccg_code, kind, coalesce(provider_code, ''), lower(coalesce(system_name, '')))`);
    await queryRunner.query(`COMMENT ON COLUMN board.version IS 'Optimistic concurrency: +1 on every change; a change names the version it read'`);

    await queryRunner.query(`
      CREATE TABLE board_member (
        board_id  uuid        NOT NULL REFERENCES board (id) ON DELETE CASCADE,
        user_id   uuid        NOT NULL REFERENCES app_user (id),
        is_chair  boolean     NOT NULL DEFAULT false,
        added_at  timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (board_id, user_id)
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX board_member_one_chair ON board_member (board_id) WHERE is_chair`);
    await queryRunner.query(`CREATE INDEX board_member_user_idx ON board_member (user_id)`);

    await queryRunner.query(`
      CREATE TABLE escalation_route (
        ccg_code   varchar(12) NOT NULL REFERENCES organisation (code),
        item_kind  varchar(30) NOT NULL CHECK (item_kind IN (${ITEM_KINDS})),
        from_kind  varchar(60) NOT NULL CHECK (from_kind IN ('RAISED', ${BOARD_KINDS})),
        to_kinds   text[]      NOT NULL CHECK (to_kinds <@ ARRAY[${BOARD_KINDS}]::text[]),
        note       text,
        updated_by uuid        REFERENCES app_user (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (ccg_code, item_kind, from_kind)
      )`);
    await queryRunner.query(`COMMENT ON TABLE escalation_route IS 'A CCG''s own routes: each row replaces the default route (libs/domain DEFAULT_ESCALATION_ROUTES) for the same item kind and board'`);

    await queryRunner.query(`
      CREATE TABLE escalation_item (
        id                   uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        ccg_code             varchar(12) NOT NULL REFERENCES organisation (code),
        kind                 varchar(30) NOT NULL CHECK (kind IN (${ITEM_KINDS})),
        title                text        NOT NULL CHECK (btrim(title) <> ''),
        description          text        NOT NULL CHECK (btrim(description) <> ''),
        source               jsonb       NOT NULL DEFAULT '{}'::jsonb,
        provider_code        varchar(12) REFERENCES organisation (code),
        indicator_code       varchar(40) REFERENCES indicator (code),
        owner_user_id        uuid        NOT NULL REFERENCES app_user (id),
        board_id             uuid        NOT NULL REFERENCES board (id),
        severity             varchar(10) NOT NULL CHECK (severity IN ('LOW','MEDIUM','HIGH','CRITICAL')),
        status               varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','CLOSED')),
        due_on               date,
        raised_by            uuid        REFERENCES app_user (id),
        raised_at            timestamptz NOT NULL DEFAULT now(),
        arrived_at_board_at  timestamptz NOT NULL DEFAULT now(),
        closed_reason        text,
        closed_at            timestamptz,
        illustrative         boolean     NOT NULL DEFAULT false,
        updated_at           timestamptz NOT NULL DEFAULT now(),
        version              integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT escalation_item_closed CHECK ((status = 'CLOSED') = (closed_reason IS NOT NULL AND btrim(closed_reason) <> '' AND closed_at IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX escalation_item_ccg_idx ON escalation_item (ccg_code, status)`);
    await queryRunner.query(`CREATE INDEX escalation_item_board_idx ON escalation_item (board_id) WHERE status = 'OPEN'`);
    await queryRunner.query(`CREATE INDEX escalation_item_owner_idx ON escalation_item (owner_user_id)`);

    await queryRunner.query(`
      CREATE TABLE board_meeting (
        id               uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        board_id         uuid        NOT NULL REFERENCES board (id),
        meets_on         date        NOT NULL,
        status           varchar(10) NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED','HELD','CANCELLED')),
        pack             jsonb,
        minutes          text,
        held_at          timestamptz,
        held_by          uuid        REFERENCES app_user (id),
        cancelled_reason text,
        scheduled_by     uuid        REFERENCES app_user (id),
        created_at       timestamptz NOT NULL DEFAULT now(),
        illustrative     boolean     NOT NULL DEFAULT false,
        version          integer     NOT NULL DEFAULT 1 CHECK (version >= 1),
        CONSTRAINT board_meeting_held CHECK ((status = 'HELD') = (pack IS NOT NULL AND held_at IS NOT NULL AND minutes IS NOT NULL)),
        CONSTRAINT board_meeting_cancelled CHECK ((status = 'CANCELLED') = (cancelled_reason IS NOT NULL AND btrim(cancelled_reason) <> ''))
      )`);
    await queryRunner.query(`CREATE INDEX board_meeting_board_idx ON board_meeting (board_id, meets_on)`);
    await queryRunner.query(`COMMENT ON COLUMN board_meeting.pack IS 'Frozen when the meeting is held: the pack as shown at the meeting (items, failing indicators) with its decisions; null while scheduled (built live)'`);

    await queryRunner.query(`
      CREATE TABLE escalation_action (
        id             uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
        item_id        uuid        NOT NULL REFERENCES escalation_item (id),
        description    text        NOT NULL CHECK (btrim(description) <> ''),
        owner_user_id  uuid        NOT NULL REFERENCES app_user (id),
        due_on         date        NOT NULL,
        status         varchar(10) NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN','DONE','DROPPED')),
        created_by     uuid        REFERENCES app_user (id),
        created_at     timestamptz NOT NULL DEFAULT now(),
        updated_at     timestamptz NOT NULL DEFAULT now(),
        version        integer     NOT NULL DEFAULT 1 CHECK (version >= 1)
      )`);
    await queryRunner.query(`CREATE INDEX escalation_action_item_idx ON escalation_action (item_id, created_at)`);

    await queryRunner.query(`
      CREATE TABLE escalation_item_event (
        id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        item_id        uuid        NOT NULL REFERENCES escalation_item (id),
        at             timestamptz NOT NULL DEFAULT now(),
        actor_id       uuid        REFERENCES app_user (id),
        actor_name     text        NOT NULL,
        action         varchar(30) NOT NULL,
        from_board_id  uuid        REFERENCES board (id),
        to_board_id    uuid        REFERENCES board (id),
        move_kind      varchar(20) CHECK (move_kind IN ('ESCALATION','DE_ESCALATION','OFF_ROUTE')),
        reason         text,
        decision       text,
        meeting_id     uuid        REFERENCES board_meeting (id),
        details        jsonb       NOT NULL DEFAULT '{}'::jsonb
      )`);
    await queryRunner.query(`CREATE INDEX escalation_item_event_item_idx ON escalation_item_event (item_id, id)`);
    await queryRunner.query(`COMMENT ON TABLE escalation_item_event IS 'An item''s history: insert-only for the application role; actor_name is the display name as it was'`);

    await queryRunner.query(`
      CREATE TABLE board_meeting_decision (
        id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        meeting_id  uuid        NOT NULL REFERENCES board_meeting (id),
        item_id     uuid        NOT NULL REFERENCES escalation_item (id),
        decision    varchar(20) NOT NULL CHECK (decision IN ('NOTE','ACTION','ESCALATE','DE_ESCALATE','CLOSE')),
        note        text        NOT NULL CHECK (btrim(note) <> ''),
        to_board_id uuid        REFERENCES board (id),
        action_id   uuid        REFERENCES escalation_action (id),
        recorded_by uuid        REFERENCES app_user (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX board_meeting_decision_meeting_idx ON board_meeting_decision (meeting_id, id)`);

    for (const table of ['board', 'board_member', 'escalation_route', 'escalation_item', 'board_meeting', 'escalation_action']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ccg_assure_app`);
    }
    for (const table of ['escalation_item_event', 'board_meeting_decision']) {
      await queryRunner.query(`GRANT SELECT, INSERT ON ${table} TO ccg_assure_app`);
      await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM ccg_assure_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['board_meeting_decision', 'escalation_item_event', 'escalation_action', 'board_meeting', 'escalation_item', 'escalation_route', 'board_member', 'board']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
