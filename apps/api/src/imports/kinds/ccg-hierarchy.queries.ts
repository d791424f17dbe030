import { sqlStatement } from '../../database/typed-sql';
import { stagingTable } from '../staging.queries';
import { addRelationshipsStatements, upsertOrganisationsStatement } from './shared.queries';

export const ccgHierarchyStaging = stagingTable({
  table: 'staging_ccg_hierarchy',
  columns: [
    { name: 'year', sqlType: 'varchar(7)' },
    { name: 'valid_from', sqlType: 'date' },
    { name: 'valid_to', sqlType: 'date' },
    { name: 'ccg_code', sqlType: 'varchar(12)' },
    { name: 'ccg_name', sqlType: 'text' },
    { name: 'stp_code', sqlType: 'varchar(12)' },
    { name: 'stp_name', sqlType: 'text' },
    { name: 'subregion_code', sqlType: 'varchar(12)' },
    { name: 'subregion_name', sqlType: 'text' },
    { name: 'region_code', sqlType: 'varchar(12)' },
    { name: 'region_name', sqlType: 'text' },
    { name: 'registered_patients', sqlType: 'integer' },
  ],
  uniqueKey: ['year', 'ccg_code'],
});

const setup = [ccgHierarchyStaging.ddl];

/** The latest year's name of each organisation of one level of the file; dates and postcode kept as known. */
const latestOfLevel = (code: string, name: string, type: string) => `
  SELECT DISTINCT ON (x.${code}) x.${code} AS code, x.${name} AS name, '${type}'::varchar AS type, o.open_date, o.close_date, o.postcode
  FROM staging_ccg_hierarchy x LEFT JOIN organisation o ON o.code = x.${code} ORDER BY x.${code}, x.year DESC`;

/** The file's regions, area teams (sub-regions), STPs and CCGs, in that order (a CCG names its STP...). */
export const upsertLevels = [
  upsertOrganisationsStatement('import-ccg-hierarchy-upsert-regions', latestOfLevel('region_code', 'region_name', 'REGION'), setup),
  upsertOrganisationsStatement('import-ccg-hierarchy-upsert-area-teams', latestOfLevel('subregion_code', 'subregion_name', 'AREA_TEAM'), setup),
  upsertOrganisationsStatement('import-ccg-hierarchy-upsert-stps', latestOfLevel('stp_code', 'stp_name', 'STP'), setup),
  upsertOrganisationsStatement('import-ccg-hierarchy-upsert-ccgs', latestOfLevel('ccg_code', 'ccg_name', 'CCG'), setup),
];

/** Each CCG's membership of a level, dated by the financial year of the row. */
const membership = (kind: string, related: string) =>
  `SELECT ccg_code AS organisation_code, '${kind}'::varchar AS kind, ${related} AS related_code, valid_from, valid_to FROM staging_ccg_hierarchy`;

/** Each CCG's STP, area team and region for each year. */
export const addMemberships = [
  addRelationshipsStatements('import-ccg-hierarchy-add-stps', membership('IN_STP', 'stp_code'), 'STP', setup),
  addRelationshipsStatements('import-ccg-hierarchy-add-area-teams', membership('IN_AREA_TEAM', 'subregion_code'), 'AREA_TEAM', setup),
  addRelationshipsStatements('import-ccg-hierarchy-add-regions', membership('IN_REGION', 'region_code'), 'REGION', setup),
];

/** Each CCG's registered population in each year, audited; $1-$4 are the actor and the file (see `actorParams`). */
export const upsertPopulations = sqlStatement({
  name: 'import-ccg-hierarchy-upsert-populations',
  params: ['uuid?', 'text?', 'text?', 'text'],
  columns: { inserted: 'int4', updated: 'int4' },
  setup,
  text: `WITH before AS (SELECT p.* FROM organisation_population p JOIN staging_ccg_hierarchy x ON x.ccg_code = p.organisation_code AND x.year = p.financial_year),
       upserted AS (
         INSERT INTO organisation_population (organisation_code, financial_year, registered_patients, source)
         SELECT ccg_code, year, registered_patients, $4::text FROM staging_ccg_hierarchy
         ON CONFLICT (organisation_code, financial_year) DO UPDATE SET registered_patients = EXCLUDED.registered_patients, source = EXCLUDED.source
         WHERE organisation_population.registered_patients <> EXCLUDED.registered_patients
         RETURNING organisation_code, financial_year, registered_patients
       ),
       audited AS (
         INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
         SELECT $1::uuid, $2::text, CASE WHEN b.organisation_code IS NULL THEN 'CREATE_POPULATION' ELSE 'UPDATE_POPULATION' END, 'organisation_population',
                u.organisation_code || '/' || u.financial_year,
                CASE WHEN b.organisation_code IS NULL THEN NULL ELSE jsonb_build_object('registeredPatients', b.registered_patients) END,
                jsonb_build_object('registeredPatients', u.registered_patients), $3::text
         FROM upserted u LEFT JOIN before b ON b.organisation_code = u.organisation_code AND b.financial_year = u.financial_year
         RETURNING action
       )
       SELECT count(*) FILTER (WHERE action = 'CREATE_POPULATION')::int4 AS inserted, count(*) FILTER (WHERE action = 'UPDATE_POPULATION')::int4 AS updated FROM audited`,
});
