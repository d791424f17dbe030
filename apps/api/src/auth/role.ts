import { registerEnumType } from 'type-graphql';

/** Roles a user holds for an organisation (issue 2, "Sign-in and roles"). */
export enum Role {
  FINANCE_OFFICER = 'FINANCE_OFFICER',
  COMMISSIONING_MANAGER = 'COMMISSIONING_MANAGER',
  ANALYST = 'ANALYST',
  ASSESSOR = 'ASSESSOR',
  BOARD_MEMBER = 'BOARD_MEMBER',
  ADMIN = 'ADMIN',
}

registerEnumType(Role, {
  name: 'Role',
  description: 'A role a user holds for one organisation.',
  valuesConfig: {
    FINANCE_OFFICER: { description: "A CCG finance officer: prepares and submits the CCG's financial plans." },
    COMMISSIONING_MANAGER: { description: 'A commissioning manager or contract lead: manages provider performance.' },
    ANALYST: { description: 'A performance or business-intelligence analyst: loads national data returns.' },
    ASSESSOR: { description: 'An NHS England assessor: rates CCGs and runs special measures.' },
    BOARD_MEMBER: { description: 'A governing body or board member: signs off performance reports.' },
    ADMIN: { description: 'A system administrator: manages users and reads the audit trail.' },
  },
});
