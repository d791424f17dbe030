import { stagingTable } from '../staging.queries';
import { addRelationshipsStatements, upsertOrganisationsStatement } from './shared.queries';

// The ODS extracts (etr: NHS trusts; eccg: commissioners) share one staging table.

export const odsStaging = stagingTable({
  table: 'staging_ods',
  columns: [
    { name: 'code', sqlType: 'varchar(12)' },
    { name: 'name', sqlType: 'text' },
    { name: 'region', sqlType: 'varchar(12)' },
    { name: 'area_team', sqlType: 'varchar(12)' },
    { name: 'postcode', sqlType: 'varchar(10)' },
    { name: 'open_date', sqlType: 'date' },
    { name: 'close_date', sqlType: 'date' },
  ],
  uniqueKey: ['code'],
});

const setup = [odsStaging.ddl];

/** The trusts of an etr file, as NHS trusts. */
export const upsertTrusts = upsertOrganisationsStatement(
  'import-etr-upsert-trusts',
  `SELECT code, name, 'NHS_TRUST'::varchar AS type, open_date, close_date, postcode FROM staging_ods`,
  setup,
);

/** Each trust's NHS England region (national grouping), undated. */
export const addTrustRegions = addRelationshipsStatements(
  'import-etr-add-regions',
  `SELECT code AS organisation_code, 'IN_REGION'::varchar AS kind, region AS related_code, NULL::date AS valid_from, NULL::date AS valid_to FROM staging_ods`,
  'REGION',
  setup,
);

/** Each trust's area team (high-level health geography), undated. */
export const addTrustAreaTeams = addRelationshipsStatements(
  'import-etr-add-area-teams',
  `SELECT code AS organisation_code, 'IN_AREA_TEAM'::varchar AS kind, area_team AS related_code, NULL::date AS valid_from, NULL::date AS valid_to FROM staging_ods`,
  'AREA_TEAM',
  setup,
);

/** The commissioners of an eccg file: CCGs by their name, the rest OTHER. */
export const upsertCommissioners = upsertOrganisationsStatement(
  'import-eccg-upsert-commissioners',
  `SELECT code, name, CASE WHEN name ~ '\\mCCG$' THEN 'CCG' ELSE 'OTHER' END::varchar AS type, open_date, close_date, postcode FROM staging_ods`,
  setup,
);
