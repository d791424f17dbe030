import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { DataSource } from 'typeorm';
import { assuranceReportRouter } from '../assurance/assurance-report.router';
import { readSessionToken, sessionCookieFor } from '../auth/session-cookie';
import type { AppConfig } from '../config';
import { buildAppSchema } from '../schema/build-schema';
import { formatError } from './format-error';
import { createLoaders } from './loaders';
import { createServices } from './services';
import type { Logger } from './logger';
import type { RequestContext } from './request-context';

export interface AppServer {
  httpServer: http.Server;
  /** Stops taking requests, lets in-flight ones finish, then stops Apollo. */
  stop(): Promise<void>;
}

type AppConfigSubset = Pick<AppConfig, 'production' | 'webDistDir' | 'corsOrigins' | 'cookieSecure' | 'sessionTtlHours'>;

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Wires Express, Apollo Server and the services on one HTTP server (not yet listening). */
export async function createAppServer(dataSource: DataSource, config: AppConfigSubset, logger: Logger): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const services = createServices(dataSource, { sessionTtlHours: config.sessionTtlHours });
  const schema = await buildAppSchema();

  const apollo = new ApolloServer<RequestContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns signal handling, so shutdown happens once and in order.
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
    formatError: (formatted, error) => formatError(formatted, error, logger, requestScope.getStore()?.requestId),
  });
  await apollo.start();

  app.use((req: Request, res: Response, next: NextFunction) => {
    const incoming = req.header('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.locals.requestId = requestId;
    res.setHeader('x-request-id', requestId);
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      logger.info('request', {
        requestId,
        method: req.method,
        path: req.originalUrl.split('?')[0],
        status: res.statusCode,
        durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      });
    });
    requestScope.run({ requestId }, next);
  });

  app.get('/healthz', async (_req, res) => {
    try {
      await dataSource.query('SELECT 1');
      res.json({ status: 'ok' });
    } catch (error) {
      logger.warn('health check failed', { requestId: res.locals.requestId, error });
      res.status(503).json({ status: 'unavailable' });
    }
  });

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
        dataSource,
        logger: logger.child({ requestId }),
        services,
        loaders: createLoaders(services),
      };
      return context;
    },
  }));

  // The annual assurance reports as PDF: public, from published data only.
  app.use('/reports/assurance', assuranceReportRouter(dataSource, logger));

  if (config.production) serveSpa(app, config.webDistDir, logger);

  return {
    httpServer,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

/** Apollo's formatError sees no context, so the request id also travels in async-local storage. */
const requestScope = new AsyncLocalStorage<{ requestId: string }>();

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

/** Serves the built single-page app, with index.html for every client-side route. */
function serveSpa(app: express.Express, webDistDir: string, logger: Logger) {
  const index = path.join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn('the built web app was not found; only the API is served', { webDistDir });
    return;
  }
  app.use(express.static(webDistDir, { index: false, maxAge: '1h' }));
  app.get(/^\/(?!graphql|healthz).*/, (_req, res) => res.sendFile(index));
}
