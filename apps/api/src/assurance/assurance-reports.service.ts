import type { DataSource } from 'typeorm';
import type { CcgAssuranceReport, EnglandAssuranceReport } from './ccg-assurance.type';
import { notYet } from './not-yet';

export class AssuranceReportsService {
  constructor(private readonly dataSource: DataSource) {}

  ccgReport(_ccg: string, _financialYear: string, _today: string): Promise<CcgAssuranceReport> {
    return notYet('ccgAssuranceReport');
  }

  englandReport(_financialYear: string, _today: string): Promise<EnglandAssuranceReport> {
    return notYet('englandAssuranceReport');
  }

  get source(): DataSource {
    return this.dataSource;
  }
}
