import type { DataSource } from 'typeorm';
import { createIndicatorLoaders } from '../indicators/indicators.loaders';
import { IndicatorsService } from '../indicators/indicators.service';
import { createOrganisationLoaders } from '../organisations/organisations.loaders';
import { OrganisationsService } from '../organisations/organisations.service';
import { createScorecardLoaders } from '../scorecards/scorecards.loaders';
import { ScorecardsService } from '../scorecards/scorecards.service';

/** Every DataLoader, created anew for each request so nothing is cached across users. */
export function createLoaders(dataSource: DataSource) {
  return {
    ...createOrganisationLoaders(new OrganisationsService(dataSource.manager)),
    ...createIndicatorLoaders(new IndicatorsService(dataSource.manager)),
    ...createScorecardLoaders(new ScorecardsService(dataSource.manager)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
