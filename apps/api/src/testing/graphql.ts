import { buildAppSchema } from '../schema/build-schema';
import type { DataSource } from 'typeorm';
import { execute, parse, type ExecutionResult } from 'graphql';
import { createLoaders } from '../server/loaders';
import { createServices } from '../server/services';
import { createLogger } from '../server/logger';
import type { RequestContext } from '../server/request-context';
import type { Viewer } from '../auth/viewer';

/** Executes an operation against the real schema and database, without HTTP (for read tests). */
export async function graphqlExecutor(dataSource: DataSource) {
  const schema = await buildAppSchema();
  const services = createServices(dataSource, { sessionTtlHours: 1 });
  return async <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, viewer: Viewer | null = null): Promise<ExecutionResult<T>> => {
    const context: RequestContext = {
      requestId: 'test',
      clientAddress: null,
      viewer,
      sessionToken: null,
      sessionCookie: { set: () => undefined, clear: () => undefined },
      logger: createLogger('silent'),
      services,
      loaders: createLoaders(services),
    };
    return (await execute({ schema, document: parse(query), variableValues: variables, contextValue: context })) as ExecutionResult<T>;
  };
}
