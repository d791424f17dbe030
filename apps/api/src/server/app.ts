import http from 'node:http';
import express from 'express';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config';
import { installGraphql } from './graphql-endpoint';
import { installHealthCheck } from './health-check';
import { installImportUploads } from './import-uploads';
import type { Logger } from './logger';
import { installReports } from './reports';
import { installRequestLogging } from './request-logging';
import { installSecurityHeaders } from './security-headers';
import { installCompression } from './compression';
import { createServices } from './services';
import { installSinglePageApp } from './single-page-app';

export interface AppServer {
  httpServer: http.Server;
  /** Stops taking requests, lets in-flight ones finish, then stops Apollo. */
  stop(): Promise<void>;
}

/** `responseCache` absent means off: the tests' servers answer every query afresh unless a test asks for the cache. */
type AppConfigSubset = Pick<AppConfig, 'production' | 'webDistDir' | 'corsOrigins' | 'cookieSecure' | 'sessionTtlHours'> & Partial<Pick<AppConfig, 'responseCache'>>;

/** Wires Express, Apollo Server and the services on one HTTP server (not yet listening), in the order requests meet them. */
export async function createAppServer(dataSource: DataSource, config: AppConfigSubset, logger: Logger): Promise<AppServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const services = createServices(dataSource, { sessionTtlHours: config.sessionTtlHours });

  installSecurityHeaders(app, config);
  installRequestLogging(app, logger);
  installCompression(app);
  installHealthCheck(app, dataSource, logger);
  const apollo = await installGraphql(app, { httpServer, services, config, logger, responseCacheSource: config.responseCache ? dataSource : undefined });
  installImportUploads(app, services, logger);
  installReports(app, services, logger);
  if (config.production) installSinglePageApp(app, config.webDistDir, logger);

  return {
    httpServer,
    stop: async () => {
      await apollo.stop();
      if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
