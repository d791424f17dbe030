import { Foundation1763800000000 } from './1763800000000-foundation';
import { OrganisationsIndicators1763800001000 } from './1763800001000-organisations-indicators';
import { FinancialPlans1763800006000 } from './1763800006000-financial-plans';
import { Assurance1763800007000 } from './1763800007000-assurance';
import { SignInThrottleAuditChain1763800008000 } from './1763800008000-sign-in-throttle-audit-chain';
import { AppRole1763800009000 } from './1763800009000-app-role';
import { Accounts1763800010000 } from './1763800010000-accounts';
import { ImportProgress1763800011000 } from './1763800011000-import-progress';
import { StoredScores1763800012000 } from './1763800012000-stored-scores';
import { Contracts1763800013000 } from './1763800013000-contracts';
import { Sanctions1763800014000 } from './1763800014000-sanctions';
import { Escalation1763800015000 } from './1763800015000-escalation';
import { PerformanceReports1763800016000 } from './1763800016000-performance-reports';
import { TargetsAndBaselines1763800017000 } from './1763800017000-targets-and-baselines';
import { PartitionIndicatorValue1763800018000 } from './1763800018000-partition-indicator-value';
import { GridAtVolume1763800019000 } from './1763800019000-grid-at-volume';
import { DataVersion1763800020000 } from './1763800020000-data-version';
import { PointsOnLatestScore1763800021000 } from './1763800021000-points-on-latest-score';
import { GridOrderIndex1763800022000 } from './1763800022000-grid-order-index';

/** Every migration, in order. TypeORM never synchronises the schema: it changes only here. */
export const migrations = [Foundation1763800000000, OrganisationsIndicators1763800001000, FinancialPlans1763800006000, Assurance1763800007000, SignInThrottleAuditChain1763800008000, AppRole1763800009000, Accounts1763800010000, ImportProgress1763800011000, StoredScores1763800012000, Contracts1763800013000, Sanctions1763800014000, Escalation1763800015000, PerformanceReports1763800016000, TargetsAndBaselines1763800017000, PartitionIndicatorValue1763800018000, GridAtVolume1763800019000, DataVersion1763800020000, PointsOnLatestScore1763800021000, GridOrderIndex1763800022000];
