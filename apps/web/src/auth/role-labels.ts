import type { Role } from '../gql/graphql';

/** How each role is named to people. */
export const ROLE_LABELS: Record<Role, string> = {
  FINANCE_OFFICER: 'Finance officer',
  COMMISSIONING_MANAGER: 'Commissioning manager',
  ANALYST: 'Analyst',
  ASSESSOR: 'Assessor',
  BOARD_MEMBER: 'Board member',
  ADMIN: 'Administrator',
};
