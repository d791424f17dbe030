/** Kinds of organisation the product knows (DOMAIN.md "Organisations"). */
export enum OrganisationType {
  NHS_ENGLAND = 'NHS_ENGLAND',
  REGION = 'REGION',
  AREA_TEAM = 'AREA_TEAM',
  CCG = 'CCG',
  COMMISSIONING_SUPPORT_UNIT = 'COMMISSIONING_SUPPORT_UNIT',
  NHS_TRUST = 'NHS_TRUST',
  INDEPENDENT_PROVIDER = 'INDEPENDENT_PROVIDER',
  GP_PRACTICE = 'GP_PRACTICE',
  STP = 'STP',
  OTHER = 'OTHER',
}
