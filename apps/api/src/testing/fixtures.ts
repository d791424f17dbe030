import type { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import type { Role } from '../auth/role';
import { RoleAssignmentEntity } from '../auth/role-assignment.entity';
import { UserEntity } from '../auth/user.entity';
import { OrganisationType } from '../organisations/organisation-type';
import { OrganisationEntity } from '../organisations/organisation.entity';

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery staple';

export async function insertOrganisation(dataSource: DataSource, code: string, name: string, type = OrganisationType.CCG): Promise<void> {
  await dataSource.createQueryBuilder().insert().into(OrganisationEntity).orIgnore().values({ code, name, type, openDate: null, closeDate: null }).execute();
}

/** A user with the given roles (organisations must exist), password TEST_PASSWORD. */
export async function insertUser(dataSource: DataSource, username: string, roles: { role: Role; organisationCode: string }[]): Promise<string> {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const user = await dataSource.getRepository(UserEntity).save({ username, displayName: `Test ${username}`, passwordHash: await cachedHash, disabledAt: null });
  for (const role of roles) await dataSource.getRepository(RoleAssignmentEntity).insert({ userId: user.id, ...role });
  return user.id;
}
