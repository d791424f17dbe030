// The web app reads organisation names through the domain's one rule (API trigger titles use it too).
export { organisationName } from '@ccg-assure/domain';
