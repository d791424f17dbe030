import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { readSessionToken, sessionCookieFor } from '../auth/session-cookie';
import type { AppConfig } from '../config';
import { buildAppSchema } from '../schema/build-schema';
import { formatError } from './format-error';
import { createLoaders } from './loaders';
import type { Logger } from './logger';
import type { RequestContext } from './request-context';
import { currentRequestId } from './request-logging';
import type { Services } from './services';

export interface GraphqlEndpointOptions {
  httpServer: http.Server;
  services: Services;
  config: Pick<AppConfig, 'corsOrigins' | 'cookieSecure'>;
  logger: Logger;
}

/**
 * POST /graphql: Apollo Server on the app's schema, with a request context (viewer from the session
 * cookie, services, fresh DataLoaders) per request. Returns Apollo, for the server to stop.
 */
export async function installGraphql(app: Express, options: GraphqlEndpointOptions): Promise<ApolloServer<RequestContext>> {
  const { httpServer, services, config, logger } = options;
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling, so shutdown happens once and in order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    formatError: (formatted, error) => formatError(formatted, error, logger, currentRequestId()),
  });
  await apollo.start();

  app.use('/graphql', corsFor(config.corsOrigins), express.json({ limit: '50mb' }), expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const requestId = res.locals.requestId as string;
      const sessionToken = readSessionToken(req);
      const viewer = sessionToken ? await services.auth.viewerForToken(sessionToken) : null;
      const context: RequestContext = {
        requestId,
        viewer,
        sessionToken,
        sessionCookie: sessionCookieFor(res, config.cookieSecure),
        logger: logger.child({ requestId }),
        services,
        loaders: createLoaders(services),
      };
      return context;
    },
  }));
  return apollo;
}

/** Lets the listed origins (the web app's dev server) call the API with the session cookie. */
function corsFor(origins: string[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.header('origin');
    if (origin && origins.includes(origin)) {
      res.setHeader('access-control-allow-origin', origin);
      res.setHeader('access-control-allow-credentials', 'true');
      res.setHeader('access-control-allow-headers', 'content-type, x-request-id, apollo-require-preflight');
      res.setHeader('vary', 'origin');
      if (req.method === 'OPTIONS') {
        res.status(204).end();
        return;
      }
    }
    next();
  };
}
