import type { Express } from 'express';
import { importsUploadRouter } from '../imports/imports-upload.router';
import type { Logger } from './logger';
import type { Services } from './services';

/** File imports streamed from the browser or a script: POST /imports/<kind> (analysts and administrators). */
export function installImportUploads(app: Express, services: Services, logger: Logger): void {
  app.use('/imports', importsUploadRouter(services, logger));
}
