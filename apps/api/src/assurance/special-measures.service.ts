import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { CcgAssurance } from './ccg-assurance.type';
import { notYet } from './not-yet';
import type { SpecialMeasuresEpisode } from './special-measures.type';

export class SpecialMeasuresService {
  constructor(private readonly dataSource: DataSource) {}

  propose(_viewer: Viewer, _requestId: string, _input: unknown, _today: string): Promise<string> {
    return notYet('proposeSpecialMeasures');
  }

  apply(_viewer: Viewer, _requestId: string, _input: unknown, _today: string): Promise<string> {
    return notYet('applySpecialMeasuresAction');
  }

  addAction(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('addImprovementAction');
  }

  updateAction(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('updateImprovementAction');
  }

  assignBuddy(_viewer: Viewer, _requestId: string, _input: unknown, _today: string): Promise<CcgAssurance> {
    return notYet('assignBuddyCcg');
  }

  getEpisode(_id: string, _asOf: string): Promise<SpecialMeasuresEpisode> {
    return notYet('special measures episode');
  }

  get source(): DataSource {
    return this.dataSource;
  }
}
