import DataLoader from 'dataloader';
import type { OrganisationsService, OrganisationView, PopulationView, RelationshipView } from './organisations.service';

/** Per-request batch loaders, so a list of organisations costs a fixed number of queries. */
export function createOrganisationLoaders(service: OrganisationsService) {
  return {
    organisation: new DataLoader<string, OrganisationView | null>(async (codes) => {
      const rows = await service.byCodes(codes);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code) ?? null);
    }),
    relationships: new DataLoader<string, RelationshipView[]>(async (codes) => {
      const rows = await service.relationshipsOf(codes);
      return codes.map((code) => rows.filter((row) => row.organisationCode === code || row.relatedCode === code));
    }),
    populations: new DataLoader<string, PopulationView[]>(async (codes) => {
      const rows = await service.populationsOf(codes);
      return codes.map((code) => rows.filter((row) => row.organisationCode === code));
    }),
  };
}
