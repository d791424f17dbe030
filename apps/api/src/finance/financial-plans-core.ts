import { applyFinancialPlanAction, type FinancialPlanAction, type FinancialPlanActorKind } from '@ccg-assure/domain';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import { authorisePlanAction } from './financial-plan-access';
import { lifecycleRefusal, staleVersion } from './financial-plan-refusals';
import type { FinancialPlanEntity } from './financial-plan.entity';
import type { FinancialPlanStatus } from './finance-enums';
import * as repository from './financial-plans.repository';
import type { PlanRecord } from './financial-plans.repository';

export interface FinancialPlansOptions {
  /** The clock: read once at the start of a use case that needs "today" (tests pass a fixed instant). */
  now?: () => Date;
}

/**
 * What every financial plan use case shares: the database, the organisations service (is a code a CCG?), the
 * clock, one transaction per change, the plan's lock and edit version, and the lifecycle's verdict on a move.
 */
export class FinancialPlansCore {
  readonly now: () => Date;

  constructor(
    readonly dataSource: DataSource,
    readonly organisations: OrganisationsService,
    options: FinancialPlansOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The plan's row, read before the transaction (whose plan it is, its year); NOT_FOUND when unknown. */
  planOf(planId: string): Promise<FinancialPlanEntity> {
    return repository.getPlan(this.dataSource.manager, planId);
  }

  /** The plan, and the viewer's kinds of actor for it; FORBIDDEN unless the lifecycle lets them take `action` on it in some status. */
  async authorise(viewer: Viewer, planId: string, action: FinancialPlanAction['type']): Promise<{ plan: FinancialPlanEntity; actorKinds: FinancialPlanActorKind[] }> {
    const plan = await this.planOf(planId);
    return { plan, actorKinds: authorisePlanAction(viewer, action, plan.ccgCode) };
  }

  /** One transaction for one change, with the actor for its audit row. */
  change<T>(viewer: Viewer, requestId: string, work: (manager: EntityManager, actor: AuditActor) => Promise<T>): Promise<T> {
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    return this.dataSource.transaction((manager) => work(manager, actor));
  }

  /** Locks the plan until the transaction ends and loads everything stored about it. */
  async lockAndLoad(manager: EntityManager, planId: string): Promise<PlanRecord> {
    await repository.getPlan(manager, planId, { forUpdate: true });
    const [record] = await repository.loadPlanRecords(manager, [planId]);
    return record;
  }

  /**
   * Moves the plan's edit version on from `expectedVersion` (checked in the UPDATE's WHERE, which also locks the
   * plan) and loads it; CONFLICT, STALE_VERSION when the caller's reading is out of date.
   */
  async advance(manager: EntityManager, planId: string, expectedVersion: number): Promise<PlanRecord> {
    if (!(await repository.advanceLockVersion(manager, planId, expectedVersion))) {
      const current = await repository.getPlan(manager, planId);
      throw staleVersion(planId, expectedVersion, current.lockVersion);
    }
    const [record] = await repository.loadPlanRecords(manager, [planId]);
    return record;
  }

  /**
   * The status the domain's lifecycle moves the plan to by `action` from its latest version's status (a CCG's
   * year with no plan yet: from none), or its refusal as the API names it (lifecycleRefusal).
   */
  move(subject: PlanRecord | PlanToStart, action: FinancialPlanAction, actorKinds: readonly FinancialPlanActorKind[]): FinancialPlanStatus {
    const record = 'versions' in subject ? subject : null;
    const latest = record?.versions[0] ?? null;
    try {
      return applyFinancialPlanAction(latest?.status ?? null, action, actorKinds);
    } catch (error) {
      const plan = record?.plan ?? (subject as PlanToStart);
      throw lifecycleRefusal(error, action.type, {
        planId: record?.plan.id ?? null,
        ccgCode: plan.ccgCode,
        financialYear: plan.financialYear,
        version: latest?.number ?? null,
        status: latest?.status ?? null,
      });
    }
  }
}

/** A CCG's year with no plan yet, for the lifecycle's first move. */
export interface PlanToStart {
  ccgCode: string;
  financialYear: string;
}

export const normaliseCode = (code: string) => code.trim().toUpperCase();
