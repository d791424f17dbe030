import type { AddressInfo } from 'node:net';
import type { DataSource } from 'typeorm';
import { createAppServer, type AppServer } from '../server/app';
import { createLogger, type Logger } from '../server/logger';
import { TEST_PASSWORD } from './fixtures';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; reason?: string; [key: string]: unknown } }[];
}

export interface TestClient {
  /** Sends a GraphQL operation, keeping the session cookie like a browser would. */
  graphql<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  signIn(username: string, password: string): Promise<GraphQLResponse>;
  lastSetCookie: string | null;
}

export interface TestServer {
  url: string;
  server: AppServer;
  client(): TestClient;
  /** A client signed in as a fixture user (password TEST_PASSWORD); throws when sign-in fails. */
  signedInClient(username: string): Promise<TestClient>;
  close(): Promise<void>;
}

/** The real Express + Apollo server on a random local port, over real HTTP. */
export async function startTestServer(dataSource: DataSource, logger: Logger = createLogger('silent'), options: { responseCache?: boolean } = {}): Promise<TestServer> {
  const config = { production: false, webDistDir: '/nonexistent', corsOrigins: [], cookieSecure: false, sessionTtlHours: 1, responseCache: options.responseCache ?? false };
  const server = await createAppServer(dataSource, config, logger);
  await new Promise<void>((resolve) => server.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  return {
    url,
    server,
    client: () => createClient(url),
    signedInClient: async (username) => {
      const client = createClient(url);
      const response = await client.signIn(username, TEST_PASSWORD);
      if (response.errors) throw new Error(`could not sign in ${username}: ${response.errors[0].message}`);
      return client;
    },
    close: () => server.stop(),
  };
}

function createClient(url: string): TestClient {
  let cookie: string | null = null;
  const client: TestClient = {
    lastSetCookie: null,
    async graphql(query, variables) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const setCookie = response.headers.get('set-cookie');
      if (setCookie) {
        client.lastSetCookie = setCookie;
        const pair = setCookie.split(';')[0];
        cookie = pair.endsWith('=') ? null : pair;
      }
      return (await response.json()) as GraphQLResponse<never>;
    },
    signIn(username, password) {
      return client.graphql(`mutation($input: SignInInput!) { signIn(input: $input) { username } }`, { input: { username, password } });
    },
  };
  return client;
}
