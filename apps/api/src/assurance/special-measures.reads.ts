import type { EntityManager } from 'typeorm';
import * as repository from './special-measures.repository';
import { toEpisode } from './special-measures.mapper';
import type { SpecialMeasuresEpisode } from './special-measures.type';

/**
 * The CCGs' episodes (every CCG's when null), newest first, as clients see them with the clock read at `asOf`
 * and the steps taken up to `upTo` (all when omitted): four statements.
 */
export async function loadSpecialMeasures(
  manager: EntityManager,
  ccgCodes: readonly string[] | null,
  asOf: string,
  options: { internal: boolean; upTo?: string | null },
): Promise<SpecialMeasuresEpisode[]> {
  const ids = await repository.listEpisodeIds(manager, ccgCodes);
  return (await repository.loadEpisodeRecords(manager, ids)).map((record) => toEpisode(record, asOf, options));
}

