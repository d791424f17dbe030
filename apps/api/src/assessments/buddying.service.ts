import { assertBuddyingApplies } from '@ccg-assure/domain';
import type { DataSource } from 'typeorm';
import { recordAudit, type AuditActor } from '../audit/audit.service';
import type { Viewer } from '../auth/viewer';
import type { OrganisationsService } from '../organisations/organisations.service';
import { AssuranceBuddyEntity } from './assurance-buddy.entity';
import type { BuddyView } from './assessment-view';
import { latestPublished } from './assessments.repository';
import { assertAssessor } from './assurance-access';
import { checkingInput, requireCcg } from './assurance-checks';

/**
 * Buddying (seed 003): a CCG whose latest published category is Limited assurance may be paired with a buddy CCG
 * as a source of support. The rule is the domain library's assertBuddyingApplies.
 */
export class BuddyingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organisations: OrganisationsService,
  ) {}

  /** The CCG's buddy, or null. */
  async buddyOf(ccgCode: string): Promise<BuddyView | null> {
    const row = await this.dataSource.manager.findOneBy(AssuranceBuddyEntity, { ccgCode });
    return row ? { buddyCode: row.buddyCcgCode, assignedOn: row.assignedOn } : null;
  }

  /** Pairs the CCG with a buddy CCG from today, or (buddyCcg null) ends the pairing; audited. Gives the CCG's code. */
  async assignBuddy(viewer: Viewer, requestId: string, input: { ccg: string; buddyCcg?: string | null }, today: string): Promise<string> {
    assertAssessor(viewer);
    const ccg = await requireCcg(this.organisations, input.ccg);
    const buddyCode = input.buddyCcg ? (await requireCcg(this.organisations, input.buddyCcg, 'buddyCcg')).code : null;
    if (buddyCode !== null) {
      const latest = await latestPublished(this.dataSource.manager, ccg.code);
      checkingInput({ BUDDY_IS_SAME_CCG: ['buddyCcg'] }, ['ccg'], () => assertBuddyingApplies({ ccg: ccg.code, buddyCcg: buddyCode, latestCategory: latest?.decidedCategory ?? null }));
    }
    const actor: AuditActor = { userId: viewer.userId, username: viewer.username, requestId };
    await this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneBy(AssuranceBuddyEntity, { ccgCode: ccg.code });
      if (buddyCode === null) {
        await manager.delete(AssuranceBuddyEntity, { ccgCode: ccg.code });
      } else {
        await manager.upsert(AssuranceBuddyEntity, { ccgCode: ccg.code, buddyCcgCode: buddyCode, assignedOn: today, assignedBy: actor.userId }, ['ccgCode']);
      }
      await recordAudit(manager, actor, {
        action: buddyCode === null ? 'END_BUDDY_CCG' : 'ASSIGN_BUDDY_CCG',
        entityType: 'assurance_buddy',
        entityId: ccg.code,
        before: before ? { buddyCcg: before.buddyCcgCode, assignedOn: before.assignedOn } : null,
        after: buddyCode === null ? null : { buddyCcg: buddyCode, assignedOn: today },
      });
    });
    return ccg.code;
  }
}
