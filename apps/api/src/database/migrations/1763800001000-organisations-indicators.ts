import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations with effective-dated relationships and populations; indicators, periods and
 * values (numerator and denominator kept so roll-ups are recomputed); the raw monthly A&E
 * return; import batches (issue 4).
 */
export class OrganisationsIndicators1763800001000 implements MigrationInterface {
  name = 'OrganisationsIndicators1763800001000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE organisation ADD COLUMN postcode varchar(10)`);
    await queryRunner.query(`CREATE INDEX organisation_type_idx ON organisation (type)`);
    await queryRunner.query(`CREATE INDEX organisation_name_idx ON organisation (lower(name) text_pattern_ops)`);

    await queryRunner.query(`
      CREATE TABLE organisation_relationship (
        id                 bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        kind               varchar(30) NOT NULL CHECK (kind IN ('IN_REGION','IN_AREA_TEAM','IN_STP','SUCCEEDED_BY','SITE_OF')),
        related_code       varchar(12) NOT NULL REFERENCES organisation (code),
        valid_from         date,
        valid_to           date,
        source             text        NOT NULL,
        CONSTRAINT organisation_relationship_dates CHECK (valid_to IS NULL OR valid_from IS NULL OR valid_to >= valid_from),
        CONSTRAINT organisation_relationship_unique UNIQUE NULLS NOT DISTINCT (organisation_code, kind, related_code, valid_from)
      )`);
    await queryRunner.query(`CREATE INDEX organisation_relationship_related_idx ON organisation_relationship (related_code, kind)`);

    await queryRunner.query(`
      CREATE TABLE organisation_population (
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        financial_year     varchar(7)  NOT NULL,
        registered_patients integer    NOT NULL CHECK (registered_patients >= 0),
        source             text        NOT NULL,
        PRIMARY KEY (organisation_code, financial_year)
      )`);

    await queryRunner.query(`
      CREATE TABLE indicator (
        code                    varchar(40) PRIMARY KEY,
        name                    text        NOT NULL,
        description             text        NOT NULL,
        unit                    varchar(20) NOT NULL,
        polarity                varchar(20) NOT NULL CHECK (polarity IN ('HIGHER_IS_BETTER','LOWER_IS_BETTER','NEUTRAL')),
        period_type             varchar(10) NOT NULL CHECK (period_type IN ('MONTH','QUARTER','YEAR')),
        numerator_definition    text,
        denominator_definition  text,
        source                  text        NOT NULL
      )`);

    await queryRunner.query(`
      CREATE TABLE period (
        id          integer     GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        type        varchar(10) NOT NULL CHECK (type IN ('MONTH','QUARTER','YEAR')),
        start_date  date        NOT NULL,
        end_date    date        NOT NULL,
        label       text        NOT NULL,
        CONSTRAINT period_unique UNIQUE (type, start_date),
        CONSTRAINT period_dates CHECK (end_date >= start_date)
      )`);

    await queryRunner.query(`
      CREATE TABLE import_batch (
        id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        kind           varchar(30) NOT NULL,
        file_name      text        NOT NULL,
        file_sha256    char(64)    NOT NULL,
        started_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
        finished_at    timestamptz,
        outcome        varchar(20) NOT NULL CHECK (outcome IN ('SUCCEEDED','UNCHANGED','REJECTED')),
        rows_read      integer     NOT NULL DEFAULT 0,
        rows_rejected  integer     NOT NULL DEFAULT 0,
        inserted       integer     NOT NULL DEFAULT 0,
        updated        integer     NOT NULL DEFAULT 0,
        deleted        integer     NOT NULL DEFAULT 0,
        errors         jsonb       NOT NULL DEFAULT '[]'::jsonb,
        actor_user_id  uuid,
        actor_username text
      )`);
    await queryRunner.query(`CREATE INDEX import_batch_kind_hash_idx ON import_batch (kind, file_sha256) WHERE outcome <> 'REJECTED'`);

    await queryRunner.query(`
      CREATE TABLE ae_attendance (
        period_start       date        NOT NULL,
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        department_type    varchar(10) NOT NULL CHECK (department_type IN ('1','2','other')),
        attendances        integer     NOT NULL CHECK (attendances >= 0),
        breaches           integer     NOT NULL CHECK (breaches >= 0),
        admissions         integer     NOT NULL CHECK (admissions >= 0),
        import_batch_id    bigint      NOT NULL REFERENCES import_batch (id),
        PRIMARY KEY (period_start, organisation_code, department_type),
        CONSTRAINT ae_breaches_within_attendances CHECK (breaches <= attendances)
      )`);

    await queryRunner.query(`
      CREATE TABLE indicator_value (
        indicator_code     varchar(40) NOT NULL REFERENCES indicator (code),
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        period_id          integer     NOT NULL REFERENCES period (id),
        numerator          numeric     NOT NULL,
        denominator        numeric     NOT NULL CHECK (denominator > 0),
        value              numeric     NOT NULL,
        import_batch_id    bigint      NOT NULL REFERENCES import_batch (id),
        PRIMARY KEY (indicator_code, organisation_code, period_id)
      )`);
    // Scorecards read one organisation's series; England roll-ups read one indicator over periods.
    await queryRunner.query(`CREATE INDEX indicator_value_org_idx ON indicator_value (organisation_code, indicator_code, period_id)`);
    await queryRunner.query(`CREATE INDEX indicator_value_period_idx ON indicator_value (indicator_code, period_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['indicator_value', 'ae_attendance', 'import_batch', 'period', 'indicator', 'organisation_population', 'organisation_relationship']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(`DROP INDEX organisation_name_idx`);
    await queryRunner.query(`DROP INDEX organisation_type_idx`);
    await queryRunner.query(`ALTER TABLE organisation DROP COLUMN postcode`);
  }
}
