import type { DataSource } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import type { Assessment } from './assessment.type';
import type { AssuranceWorkspace, CcgAssurance } from './ccg-assurance.type';
import { notYet } from './not-yet';

export class AssessmentsService {
  constructor(private readonly dataSource: DataSource) {}

  workspace(_viewer: Viewer, _asOf: string): Promise<AssuranceWorkspace> {
    return notYet('assuranceWorkspace');
  }

  getAssessment(_viewer: Viewer | null, _id: string): Promise<Assessment> {
    return notYet('assessment');
  }

  ccgAssurance(_viewer: Viewer, _ccg: string, _asOf: string): Promise<CcgAssurance> {
    return notYet('ccgAssurance');
  }

  publishedAssurance(_ccg: string, _asOf: string): Promise<CcgAssurance> {
    return notYet('publishedAssurance');
  }

  start(_viewer: Viewer, _requestId: string, _input: { ccg: string; financialYear: string; quarter: number; assessedOn: string }, _today: string): Promise<string> {
    return notYet('startAssessment');
  }

  rate(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('rateAssessment');
  }

  decide(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('decideAssessmentCategory');
  }

  addEvidence(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('addAssessmentEvidence');
  }

  removeEvidence(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('removeAssessmentEvidence');
  }

  publish(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('publishAssessment');
  }

  comment(_viewer: Viewer, _requestId: string, _input: unknown): Promise<string> {
    return notYet('commentOnAssessment');
  }

  get source(): DataSource {
    return this.dataSource;
  }
}
