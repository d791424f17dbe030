import { createIndicatorLoaders } from '../indicators/indicators.loaders';
import { createOrganisationLoaders } from '../organisations/organisations.loaders';
import { createScorecardLoaders } from '../scorecards/scorecards.loaders';
import type { Services } from './services';

/** Every DataLoader, created anew for each request so nothing is cached across users. */
export function createLoaders(services: Services) {
  return {
    ...createOrganisationLoaders(services.organisations),
    ...createIndicatorLoaders(services.indicators),
    ...createScorecardLoaders(services.scorecards),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
