import { LocalTargetEntity } from './local-target.entity';
import { SeriesBaselineEntity } from './series-baseline.entity';
import { SeriesRebaseEntity } from './series-rebase.entity';
import { StandardVersionEntity } from './standard-version.entity';
import { TrajectoryMonthEntity } from './trajectory-month.entity';

/** The targets area's tables (decision 0030), listed in database/entities.ts. */
export const targetEntities = [StandardVersionEntity, LocalTargetEntity, TrajectoryMonthEntity, SeriesBaselineEntity, SeriesRebaseEntity];
