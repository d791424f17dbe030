import { sqlStatement } from '../../database/typed-sql';
import type { ApplyContext } from '../import-kind';

// Set-based merges several import kinds share, as typed statement factories (decision 0009). Each kind calls
// them at the top level of its own `*.queries.ts` with the constant SELECT over its staging table, so every
// statement is named, constant text, and checked by the schema check (`setup` creates the staging table there).

/** The parameters of an audited merge: the actor's user id, username and request id, and the file's name. */
export type ActorParams = [string | null, string | null, string | null, string];

export const actorParams = (context: ApplyContext): ActorParams => [context.actor.userId, context.actor.username, context.actor.requestId, context.fileName];

/**
 * Organisations a file names that are not known yet load under their code (issue 4: "Organisations
 * with no known name still load under their code"), typed from the shape of the ODS code. Audited.
 * `selectCodes` has one column, code.
 */
export function ensureOrganisationsStatement(name: string, selectCodes: string, setup: readonly string[]) {
  return sqlStatement({
    name,
    params: ['uuid?', 'text?', 'text?', 'text'],
    columns: { n: 'int4' },
    setup,
    text: `WITH added AS (
       INSERT INTO organisation (code, name, type)
       SELECT s.code, s.code,
              CASE WHEN s.code ~ '^R[A-Z0-9]{2}$' THEN 'NHS_TRUST'
                   WHEN s.code ~ '^N[A-Z0-9]{2,4}$' THEN 'INDEPENDENT_PROVIDER'
                   WHEN s.code ~ '^[A-Z][0-9]{5}$' THEN 'GP_PRACTICE'
                   ELSE 'OTHER' END
       FROM (${selectCodes}) s
       WHERE NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = s.code)
       ON CONFLICT (code) DO NOTHING
       RETURNING code, name, type
     ),
     audited AS (
       INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
       SELECT $1::uuid, $2::text, 'CREATE_ORGANISATION', 'organisation', code, NULL, jsonb_build_object('name', name, 'type', type, 'source', $4::text), $3::text FROM added
       RETURNING 1
     )
     SELECT count(*)::int4 AS n FROM added`,
  });
}

/**
 * Month periods for the given months (`selectMonths` has the columns start_date and end_date, the first and last
 * days, which the domain's calendar computed), labelled as people write them: 'April 2016'.
 */
export function ensureMonthPeriodsStatement(name: string, selectMonths: string, setup: readonly string[]) {
  return sqlStatement({
    name,
    params: [],
    columns: {},
    setup,
    text: `INSERT INTO period (type, start_date, end_date, label)
     SELECT 'MONTH', s.start_date, s.end_date, trim(to_char(s.start_date, 'Month')) || ' ' || to_char(s.start_date, 'YYYY')
     FROM (${selectMonths}) s
     ON CONFLICT (type, start_date) DO NOTHING`,
  });
}

/**
 * Upserts organisations from `selectRows` (columns code, name, type, open_date, close_date, postcode); audits
 * each creation and each change (before and after).
 */
export function upsertOrganisationsStatement(name: string, selectRows: string, setup: readonly string[]) {
  return sqlStatement({
    name,
    params: ['uuid?', 'text?', 'text?', 'text'],
    columns: { inserted: 'int4', updated: 'int4' },
    setup,
    text: `WITH incoming AS (${selectRows}),
     before AS (SELECT o.* FROM organisation o JOIN incoming i ON i.code = o.code),
     upserted AS (
       INSERT INTO organisation (code, name, type, open_date, close_date, postcode)
       SELECT code, name, type, open_date, close_date, postcode FROM incoming
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, open_date = EXCLUDED.open_date,
         close_date = EXCLUDED.close_date, postcode = EXCLUDED.postcode, updated_at = now()
       WHERE (organisation.name, organisation.type, organisation.open_date, organisation.close_date, organisation.postcode)
         IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.type, EXCLUDED.open_date, EXCLUDED.close_date, EXCLUDED.postcode)
       RETURNING code, name, type, open_date, close_date, postcode
     ),
     audited AS (
       INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
       SELECT $1::uuid, $2::text, CASE WHEN b.code IS NULL THEN 'CREATE_ORGANISATION' ELSE 'UPDATE_ORGANISATION' END, 'organisation', u.code,
              CASE WHEN b.code IS NULL THEN NULL ELSE jsonb_build_object('name', b.name, 'type', b.type, 'openDate', b.open_date, 'closeDate', b.close_date, 'postcode', b.postcode) END,
              jsonb_build_object('name', u.name, 'type', u.type, 'openDate', u.open_date, 'closeDate', u.close_date, 'postcode', u.postcode, 'source', $4::text), $3::text
       FROM upserted u LEFT JOIN before b ON b.code = u.code
       RETURNING entity_id, action
     )
     SELECT count(*) FILTER (WHERE action = 'CREATE_ORGANISATION')::int4 AS inserted, count(*) FILTER (WHERE action = 'UPDATE_ORGANISATION')::int4 AS updated FROM audited`,
  });
}

/**
 * Adds relationships from `selectRows` (columns organisation_code, kind, related_code, valid_from, valid_to) that
 * are not yet recorded, audited; related organisations not yet known first load under their code as `relatedType`.
 */
export function addRelationshipsStatements(name: string, selectRows: string, relatedType: string, setup: readonly string[]) {
  const addRelated = sqlStatement({
    name: `${name}-related`,
    params: [],
    columns: {},
    setup,
    text: `INSERT INTO organisation (code, name, type)
     SELECT DISTINCT r.related_code, r.related_code, '${relatedType}' FROM (${selectRows}) r
     WHERE r.related_code IS NOT NULL AND NOT EXISTS (SELECT 1 FROM organisation o WHERE o.code = r.related_code)
     ON CONFLICT (code) DO NOTHING`,
  });
  const add = sqlStatement({
    name,
    params: ['uuid?', 'text?', 'text?', 'text'],
    columns: { n: 'int4' },
    setup,
    text: `WITH added AS (
       INSERT INTO organisation_relationship (organisation_code, kind, related_code, valid_from, valid_to, source)
       SELECT DISTINCT r.organisation_code, r.kind, r.related_code, r.valid_from, r.valid_to, $4::text FROM (${selectRows}) r
       WHERE r.related_code IS NOT NULL
       ON CONFLICT ON CONSTRAINT organisation_relationship_unique DO NOTHING
       RETURNING organisation_code, kind, related_code, valid_from, valid_to
     ),
     audited AS (
       INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
       SELECT $1::uuid, $2::text, 'ADD_ORGANISATION_RELATIONSHIP', 'organisation', organisation_code, NULL,
              jsonb_build_object('kind', kind, 'relatedCode', related_code, 'validFrom', valid_from, 'validTo', valid_to, 'source', $4::text), $3::text FROM added
       RETURNING 1
     )
     SELECT count(*)::int4 AS n FROM added`,
  });
  return { addRelated, add };
}

/**
 * SQL (a constant fragment) that audits indicator value changes made in one statement: each deleted row (before
 * only) and each updated row (before and after). Parameters $2, $3, $4 are the actor's user id, username and
 * request id.
 */
export function auditValueChanges(deleted: string, beforeUpdate: string, updated: string): string {
  const key = (alias: string) => `${alias}.indicator_code || '/' || ${alias}.organisation_code || '/' || ${alias}.period_id`;
  const values = (alias: string) => `jsonb_build_object('numerator', ${alias}.numerator, 'denominator', ${alias}.denominator)`;
  return `INSERT INTO audit_event (actor_user_id, actor_username, action, entity_type, entity_id, before, after, request_id)
       SELECT $2::uuid, $3::text, 'DELETE_INDICATOR_VALUE', 'indicator_value', ${key('d')}, ${values('d')}, NULL, $4::text FROM ${deleted} d
       UNION ALL
       SELECT $2::uuid, $3::text, 'UPDATE_INDICATOR_VALUE', 'indicator_value', ${key('b')}, ${values('b')}, ${values('u')}, $4::text
       FROM ${beforeUpdate} b JOIN ${updated} u USING (indicator_code, organisation_code, period_id)
       RETURNING 1`;
}
