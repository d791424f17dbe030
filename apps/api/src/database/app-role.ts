/** The NOLOGIN group role holding the API's rights (granted by migration 1763800009000-app-role). */
export const APP_GROUP_ROLE = 'ccg_assure_app';

/** The login role the API uses on the embedded database; a member of APP_GROUP_ROLE. */
export const EMBEDDED_APP_LOGIN = 'ccg_assure_api';

/** A TypeORM DataSource (rows) or a pg Client (a result with rows), connected as the owner. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function roleExists(owner: Queryable, name: string): Promise<boolean> {
  const result = await owner.query(`SELECT 1 FROM pg_roles WHERE rolname = $1`, [name]);
  const rows = Array.isArray(result) ? result : (result as { rows: unknown[] }).rows;
  return rows.length > 0;
}

/**
 * Creates (or updates) a login role that is a member of the group role and nothing more: not a superuser,
 * cannot create databases or roles. Run by the owner after migrating (the group role exists by then).
 */
export async function ensureAppLogin(owner: Queryable, login: string, password: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(login)) throw new Error(`not a plain role name: ${login}`);
  // Utility statements take no parameters: the password is quoted as a literal, so only safe characters.
  if (!/^[A-Za-z0-9_-]{16,}$/.test(password)) throw new Error('the application role password must be 16+ letters, digits, _ or -');
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD '${password}'`;
  if (!(await roleExists(owner, login))) {
    try {
      await owner.query(`CREATE ROLE ${login} ${attributes}`);
    } catch (error) {
      // Two starts at once on one cluster: the other created it.
      if ((error as { code?: string }).code !== '42710') throw error;
    }
  }
  await owner.query(`ALTER ROLE ${login} ${attributes}`);
  await ensureAppGroup(owner);
  await owner.query(`GRANT ${APP_GROUP_ROLE} TO ${login}`);
}

/** The group role, created if missing (the migration creates it too; a test cluster needs it before any database). */
export async function ensureAppGroup(owner: Queryable): Promise<void> {
  if (await roleExists(owner, APP_GROUP_ROLE)) return;
  try {
    await owner.query(`CREATE ROLE ${APP_GROUP_ROLE} NOLOGIN`);
  } catch (error) {
    if ((error as { code?: string }).code !== '42710') throw error;
  }
}

/** The same connection string with another role and password. */
export function withCredentials(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = encodeURIComponent(user);
  parsed.password = encodeURIComponent(password);
  return parsed.toString();
}
