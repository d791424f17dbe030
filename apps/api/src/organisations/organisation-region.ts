/**
 * SQL condition: the organisation whose code is `codeColumn` is in the NHS England region `regionParam`,
 * directly or through one of the region's area teams (any year). The one definition of "in a region" for the
 * organisations filter and the scorecard grid. Both arguments are constants of the caller (an alias and a
 * placeholder), never input.
 */
export const inRegionCondition = (codeColumn: string, regionParam: string): string =>
  `EXISTS (SELECT 1 FROM organisation_relationship r WHERE r.organisation_code = ${codeColumn} AND (
    (r.kind = 'IN_REGION' AND r.related_code = ${regionParam}) OR
    (r.kind = 'IN_AREA_TEAM' AND EXISTS (SELECT 1 FROM organisation_relationship a WHERE a.organisation_code = r.related_code AND a.kind = 'IN_REGION' AND a.related_code = ${regionParam}))))`;

/** A LIKE pattern matching `search` anywhere, case-insensitively (lower-cased, with LIKE's own characters escaped). */
export const containsPattern = (search: string): string => `%${search.trim().toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
