import type { MigrationInterface, QueryRunner } from 'typeorm';

// The provider standards as libs/domain/src/standards/provider-standards.ts held them until this migration (values and
// citations unchanged, validTo left out: a version is in force until the next version of its code begins). Written out
// here: a migration is history, and the rows are now edited in the database.
const STANDARDS_2013_14 = [
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'AE_4HR_ALL',
    name: 'A&E: four-hour wait, all department types',
    description: 'Patients admitted, transferred or discharged within four hours of arrival at A&E, all department types (1, 2, 3 and 4).',
    threshold: 95,
    periodType: 'MONTH',
    numerator: 'A&E attendances (all types) admitted, transferred or discharged within 4 hours of arrival: attendances minus 4-hour breaches',
    denominator: 'A&E attendances, all types',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'A maximum four-hour wait in A&E from arrival to admission, transfer or discharge: 95% of patients.',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'AE_4HR_TYPE1',
    name: 'A&E: four-hour wait, type 1 departments',
    description: 'The four-hour standard measured on major consultant-led 24-hour emergency departments (type 1) only.',
    threshold: 95,
    periodType: 'MONTH',
    numerator: 'Type 1 A&E attendances admitted, transferred or discharged within 4 hours of arrival',
    denominator: 'Type 1 A&E attendances',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'A maximum four-hour wait in A&E from arrival to admission, transfer or discharge: 95% of patients.',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'RTT_INCOMPLETE_18WK',
    name: 'Referral to treatment: incomplete pathways within 18 weeks',
    description: 'Patients on incomplete referral-to-treatment pathways (still waiting) who have waited 18 weeks or less.',
    threshold: 92,
    periodType: 'MONTH',
    numerator: 'Incomplete RTT pathways waiting 18 weeks or less at the month end',
    denominator: 'All incomplete RTT pathways at the month end',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'Maximum 18 weeks from referral to treatment: 92% of patients on incomplete pathways.',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'LOWER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'DIAGNOSTICS_6WK',
    name: 'Diagnostics: waiting six weeks or more',
    description: 'Patients waiting six weeks or more for one of the 15 key diagnostic tests; the standard is that 99% wait less than six weeks, so at most 1% wait six weeks or more (lower is better).',
    threshold: 1,
    periodType: 'MONTH',
    numerator: 'Patients on the diagnostic waiting list waiting 6 weeks or more from referral at the month end',
    denominator: 'All patients on the diagnostic waiting list at the month end',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'Maximum six-week wait for diagnostic tests: 99% of patients wait less than six weeks (under 1% wait six weeks or more).',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'CANCER_2WW',
    name: 'Cancer: two-week wait',
    description: 'Patients seen by a specialist within two weeks of an urgent GP referral for suspected cancer.',
    threshold: 93,
    periodType: 'QUARTER',
    numerator: 'Patients first seen within 14 days of an urgent GP referral for suspected cancer',
    denominator: 'Patients first seen after an urgent GP referral for suspected cancer',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'Maximum two-week wait to see a specialist after urgent GP referral for suspected cancer: 93%.',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'CANCER_31D_FIRST',
    name: 'Cancer: 31 days to first treatment',
    description: 'Patients receiving their first definitive treatment within 31 days of the decision to treat.',
    threshold: 96,
    periodType: 'QUARTER',
    numerator: 'First definitive treatments within 31 days of the decision to treat',
    denominator: 'First definitive treatments for cancer',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'Maximum one month (31 days) from decision to treat to first definitive treatment for cancer: 96%.',
    },
  },
  {
    unit: 'PERCENTAGE',
    polarity: 'HIGHER_IS_BETTER',
    zeroTolerance: false,
    validFrom: '2013-04-01',
    code: 'CANCER_62D',
    name: 'Cancer: 62 days from urgent GP referral',
    description: 'Patients receiving their first definitive treatment within 62 days of an urgent GP referral for suspected cancer.',
    threshold: 85,
    periodType: 'QUARTER',
    numerator: 'First definitive treatments within 62 days of an urgent GP referral for suspected cancer',
    denominator: 'First definitive treatments following an urgent GP referral for suspected cancer',
    source: {
      basis: 'REF',
      document: 'Handbook to the NHS Constitution for England (2013 and 2015 editions), operational standards for the waiting-time rights and pledges; DOMAIN.md "Provider standards" [ref]',
      text: 'Maximum two months (62 days) from urgent GP referral to first definitive treatment for cancer: 85%.',
    },
  },
  {
    unit: 'COUNT',
    polarity: 'LOWER_IS_BETTER',
    threshold: 0,
    zeroTolerance: true,
    periodType: 'MONTH',
    denominator: null,
    validFrom: '2013-04-01',
    code: 'RTT_52WK_WAITS',
    name: 'Referral to treatment: 52-week waits',
    description: 'Patients on incomplete referral-to-treatment pathways waiting more than 52 weeks: zero tolerance.',
    numerator: 'Incomplete RTT pathways waiting more than 52 weeks at the month end',
    source: {
      basis: 'REF',
      document: 'Everyone Counts: Planning for Patients 2013/14 and the NHS Standard Contract 2013/14 (zero tolerances and ambulance handover); DOMAIN.md "Provider standards" [ref]',
      text: 'Zero tolerance of referral-to-treatment waits of more than 52 weeks.',
    },
  },
  {
    unit: 'COUNT',
    polarity: 'LOWER_IS_BETTER',
    threshold: 0,
    zeroTolerance: true,
    periodType: 'MONTH',
    denominator: null,
    validFrom: '2013-04-01',
    code: 'TROLLEY_12HR_WAITS',
    name: 'A&E: 12-hour trolley waits',
    description: 'Patients waiting more than 12 hours in A&E from the decision to admit to admission: zero tolerance.',
    numerator: 'Patients waiting more than 12 hours from decision to admit to admission',
    source: {
      basis: 'REF',
      document: 'Everyone Counts: Planning for Patients 2013/14 and the NHS Standard Contract 2013/14 (zero tolerances and ambulance handover); DOMAIN.md "Provider standards" [ref]',
      text: 'Zero tolerance of trolley waits of more than 12 hours in A&E from decision to admit to admission.',
    },
  },
  {
    unit: 'COUNT',
    polarity: 'LOWER_IS_BETTER',
    threshold: 0,
    zeroTolerance: true,
    periodType: 'MONTH',
    denominator: null,
    validFrom: '2013-04-01',
    code: 'MSA_BREACHES',
    name: 'Mixed-sex accommodation breaches',
    description: 'Breaches of the mixed-sex accommodation standard: zero tolerance.',
    numerator: 'Mixed-sex accommodation breaches in the month (patients affected)',
    source: {
      basis: 'REF',
      document: 'Everyone Counts: Planning for Patients 2013/14 and the NHS Standard Contract 2013/14 (zero tolerances and ambulance handover); DOMAIN.md "Provider standards" [ref]',
      text: 'Zero tolerance of mixed-sex accommodation, except where it is in the overall best interest of the patient.',
    },
  },
  {
    unit: 'COUNT',
    polarity: 'LOWER_IS_BETTER',
    threshold: 0,
    zeroTolerance: true,
    periodType: 'MONTH',
    denominator: null,
    validFrom: '2013-04-01',
    code: 'AMBULANCE_HANDOVER_15MIN',
    name: 'Ambulance handover within 15 minutes',
    description: 'Every handover of a patient from an ambulance crew to A&E should take place within 15 minutes; the value is the number of handovers that took longer, so any such handover breaches the standard.',
    numerator: 'Ambulance-to-A&E handovers taking longer than 15 minutes from arrival',
    source: {
      basis: 'REF',
      document: 'Everyone Counts: Planning for Patients 2013/14 and the NHS Standard Contract 2013/14 (zero tolerances and ambulance handover); DOMAIN.md "Provider standards" [ref]',
      text: 'All handovers between ambulance and A&E must take place within 15 minutes.',
    },
  },
];

/**
 * Standards, local targets, trajectories and baselines as effective-dated data (issue 18 points 2 and 3; decision 0030).
 * - `standard_version`: each national standard's versions, one row per code and financial year start (valid_from, a
 *   1 April), in force until the next version of its code; seeded with the catalogue's eleven standards from 2013/14.
 *   Administrators set a threshold for a financial year (a new version from its start, copying the definition).
 * - `local_target`: a target agreed for a provider and indicator by a CCG (`agreed_by`), in force from the first day
 *   of a month until the provider's next local target for the indicator; it outranks the standard.
 * - `trajectory_month`: a trajectory's value for one month of a provider and indicator; it outranks a local target.
 * - `series_baseline`: a series' limits fixed after its first n points (per rebase group, NHSRplotthedots
 *   `fix_after_n_points`, n >= 12), with the reason; `series_rebase`: the dates from which a series' limits are
 *   recalculated, each with its reason. Recorded by people, never automatically.
 * - `series_score` gains `target_source` and `fix_after_n_points`: where the latest point's target comes from, and
 *   the baseline the stored SPC used.
 * Every edit is audited by the service in the same transaction, which also recomputes the stored scores it touches.
 * Grants: the application group role reads and writes the tables (as every table but audit_event and migrations),
 * stated here as well as by the default privileges of 1763800009000-app-role.ts.
 */
export class TargetsAndBaselines1763800017000 implements MigrationInterface {
  name = 'TargetsAndBaselines1763800017000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE standard_version (
        code            varchar(40)  NOT NULL CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
        valid_from      date         NOT NULL CHECK (extract(month FROM valid_from) = 4 AND extract(day FROM valid_from) = 1),
        name            text         NOT NULL CHECK (btrim(name) <> ''),
        description     text         NOT NULL,
        unit            varchar(12)  NOT NULL CHECK (unit IN ('PERCENTAGE','RATE','COUNT','MINUTES')),
        polarity        varchar(20)  NOT NULL CHECK (polarity IN ('HIGHER_IS_BETTER','LOWER_IS_BETTER')),
        threshold       numeric(12,4) NOT NULL CHECK (threshold >= 0 AND (unit <> 'PERCENTAGE' OR threshold <= 100)),
        zero_tolerance  boolean      NOT NULL,
        period_type     varchar(8)   NOT NULL CHECK (period_type IN ('MONTH','QUARTER','YEAR')),
        numerator       text         NOT NULL,
        denominator     text,
        source          jsonb        NOT NULL CHECK (jsonb_typeof(source) = 'object'),
        reason          text,
        updated_by      uuid         REFERENCES app_user (id),
        updated_at      timestamptz  NOT NULL DEFAULT now(),
        version         integer      NOT NULL DEFAULT 1 CHECK (version >= 1),
        PRIMARY KEY (code, valid_from),
        CONSTRAINT standard_version_zero_tolerance CHECK (NOT zero_tolerance OR (unit = 'COUNT' AND polarity = 'LOWER_IS_BETTER' AND threshold = 0))
      )`);
    await queryRunner.query(
      `INSERT INTO standard_version (code, valid_from, name, description, unit, polarity, threshold, zero_tolerance, period_type, numerator, denominator, source)
       SELECT code, "validFrom", name, description, unit, polarity, threshold, "zeroTolerance", "periodType", numerator, denominator, source
       FROM jsonb_to_recordset($1::jsonb) AS s(code varchar, "validFrom" date, name text, description text, unit varchar, polarity varchar, threshold numeric,
            "zeroTolerance" boolean, "periodType" varchar, numerator text, denominator text, source jsonb)`,
      [JSON.stringify(STANDARDS_2013_14)],
    );

    await queryRunner.query(`
      CREATE TABLE local_target (
        organisation_code  varchar(12)   NOT NULL REFERENCES organisation (code),
        indicator_code     varchar(40)   NOT NULL REFERENCES indicator (code),
        effective_from     date          NOT NULL CHECK (extract(day FROM effective_from) = 1),
        target             numeric(12,4) NOT NULL CHECK (target >= 0),
        agreed_by          varchar(12)   NOT NULL REFERENCES organisation (code),
        reason             text          NOT NULL CHECK (btrim(reason) <> ''),
        updated_by         uuid          REFERENCES app_user (id),
        updated_at         timestamptz   NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_code, indicator_code, effective_from)
      )`);
    await queryRunner.query(`
      CREATE TABLE trajectory_month (
        organisation_code  varchar(12)   NOT NULL REFERENCES organisation (code),
        indicator_code     varchar(40)   NOT NULL REFERENCES indicator (code),
        period             date          NOT NULL CHECK (extract(day FROM period) = 1),
        value              numeric(12,4) NOT NULL CHECK (value >= 0),
        agreed_by          varchar(12)   NOT NULL REFERENCES organisation (code),
        updated_by         uuid          REFERENCES app_user (id),
        updated_at         timestamptz   NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_code, indicator_code, period)
      )`);
    await queryRunner.query(`
      CREATE TABLE series_baseline (
        organisation_code   varchar(12) NOT NULL REFERENCES organisation (code),
        indicator_code      varchar(40) NOT NULL REFERENCES indicator (code),
        fix_after_n_points  integer     NOT NULL CHECK (fix_after_n_points >= 12),
        reason              text        NOT NULL CHECK (btrim(reason) <> ''),
        updated_by          uuid        REFERENCES app_user (id),
        updated_at          timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_code, indicator_code)
      )`);
    await queryRunner.query(`
      CREATE TABLE series_rebase (
        organisation_code  varchar(12) NOT NULL REFERENCES organisation (code),
        indicator_code     varchar(40) NOT NULL REFERENCES indicator (code),
        rebase_date        date        NOT NULL CHECK (extract(day FROM rebase_date) = 1),
        reason             text        NOT NULL CHECK (btrim(reason) <> ''),
        recorded_by        uuid        REFERENCES app_user (id),
        recorded_at        timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_code, indicator_code, rebase_date)
      )`);
    await queryRunner.query(`
      ALTER TABLE series_score
        ADD COLUMN target_source varchar(12) CHECK (target_source IN ('STANDARD','LOCAL_TARGET','TRAJECTORY')),
        ADD COLUMN fix_after_n_points integer`);
    for (const table of ['standard_version', 'local_target', 'trajectory_month', 'series_baseline', 'series_rebase']) {
      await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ccg_assure_app`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE series_score DROP COLUMN fix_after_n_points, DROP COLUMN target_source`);
    await queryRunner.query(`DROP TABLE series_rebase, series_baseline, trajectory_month, local_target, standard_version`);
  }
}
