import type http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { readSessionToken, sessionCookieFor } from '../auth/session-cookie';
import type { AppConfig } from '../config';
import { buildAppSchema } from '../schema/build-schema';
import { formatError } from './format-error';
import { GRAPHQL_LIMITS, graphqlLimits } from './graphql-limits';
import { createLoaders } from './loaders';
import type { Logger } from './logger';
import type { RequestContext } from './request-context';
import { refuseNulCharacters } from './refuse-nul-characters';
import { currentRequestId } from './request-logging';
import { createResponseCache, RESPONSE_CACHE_LOCALS, type ResponseCacheLocals } from './response-cache';
import type { Services } from './services';

export interface GraphqlEndpointOptions {
  httpServer: http.Server;
  services: Services;
  config: Pick<AppConfig, 'corsOrigins' | 'cookieSecure'>;
  logger: Logger;
  /** Where the response cache reads the data version; no response cache when absent (RESPONSE_CACHE=off). */
  responseCacheSource?: DataSource;
}

/**
 * POST /graphql: Apollo Server on the app's schema, with a request context (viewer from the session
 * cookie, services, fresh DataLoaders) per request. Returns Apollo, for the server to stop.
 */
export async function installGraphql(app: Express, options: GraphqlEndpointOptions): Promise<ApolloServer<RequestContext>> {
  const { httpServer, services, config, logger, responseCacheSource } = options;
  const limits = graphqlLimits();
  const cache = responseCacheSource
    ? createResponseCache({ dataSource: responseCacheSource, viewerForToken: (token) => services.auth.viewerForToken(token), readSessionToken })
    : null;
  const apollo = new ApolloServer<RequestContext>({
    schema: await buildAppSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling, so shutdown happens once and in order.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      // Apollo's cache hints are not used (answers are private to the viewer: `answersNotStored` says so instead), and
      // its plugin wraps every field's resolver to collect them: a cost on each of the grid's thousands of fields.
      ApolloServerPluginCacheControlDisabled(),
      ...limits.plugins,
      refuseNulCharacters,
      ...(cache ? [cache.plugin] : []),
    ],
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    formatError: (formatted, error) => formatError(formatted, error, logger, currentRequestId()),
  });
  await apollo.start();

  const lookup = cache ? [cache.lookup] : [];
  app.use('/graphql', corsFor(config.corsOrigins), answersNotStored, express.json({ limit: GRAPHQL_LIMITS.maxBodyBytes }), refuseUnreadableBody, ...lookup, expressMiddleware(apollo, {
    context: async ({ req, res }) => {
      const requestId = res.locals.requestId as string;
      // The response cache's lookup has already worked out who asks (once per request); without it, this does.
      const cached = res.locals[RESPONSE_CACHE_LOCALS] as ResponseCacheLocals | undefined;
      const sessionToken = cached ? cached.sessionToken : readSessionToken(req);
      const viewer = cached ? cached.viewer : sessionToken ? await services.auth.viewerForToken(sessionToken) : null;
      const context: RequestContext = {
        requestId,
        clientAddress: req.ip ?? null,
        userAgent: req.header('user-agent') ?? null,
        viewer,
        sessionToken,
        sessionCookie: sessionCookieFor(res, config.cookieSecure),
        logger: logger.child({ requestId }),
        services,
        loaders: createLoaders(services),
        responseCacheKey: cached?.key ?? null,
      };
      return context;
    },
  }));
  return apollo;
}

/**
 * A body too large (413) or not JSON (400) is answered as GraphQL errors in JSON, with the HTTP status the body
 * parser chose, never as an error page or a 500. Files go to POST /imports/<kind> (imports-upload.router.ts).
 */
function refuseUnreadableBody(error: unknown, _req: Request, res: Response, next: NextFunction) {
  const { status, type } = (error ?? {}) as { status?: unknown; type?: unknown };
  if (typeof status !== 'number' || status < 400 || status >= 500) return next(error);
  const tooLarge = type === 'entity.too.large';
  res.status(status).json({
    errors: [
      {
        message: tooLarge
          ? `The request is larger than ${GRAPHQL_LIMITS.maxBodyBytes} bytes. Send files to POST /imports/<kind> instead.`
          : 'The request body is not valid JSON.',
        extensions: { code: 'BAD_REQUEST', reason: tooLarge ? 'REQUEST_TOO_LARGE' : 'BODY_INVALID' },
      },
    ],
  });
}

/** Answers depend on who asks and change with every write: no cache on the way (what Apollo's cache control said too). */
function answersNotStored(_req: Request, res: Response, next: NextFunction) {
  res.setHeader('cache-control', 'no-store');
  next();
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
