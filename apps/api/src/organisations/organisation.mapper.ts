import type { OrganisationType } from './organisation-type';
import type { Organisation } from './organisation.type';
import type { OrganisationView } from './organisations.service';

/** An organisation as GraphQL shows it. */
export const toOrganisation = (view: OrganisationView): Organisation => ({
  code: view.code,
  name: view.name,
  type: view.type as OrganisationType,
  openDate: view.openDate,
  closeDate: view.closeDate,
});
