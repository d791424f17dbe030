import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { Loaders } from '../server/loaders';
import type { AssuranceTriggers } from './ccg-assurance.type';
import { notYet } from './not-yet';

export class AssuranceTriggersService {
  constructor(private readonly dataSource: DataSource) {}

  triggers(_viewer: Viewer, _ccg: string, _financialYear: string | null, _loaders: Loaders): Promise<AssuranceTriggers> {
    return notYet('assuranceTriggers');
  }

  get source(): DataSource {
    return this.dataSource;
  }
}
