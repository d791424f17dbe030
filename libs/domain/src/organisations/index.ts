export { organisationName } from './organisation-name';
