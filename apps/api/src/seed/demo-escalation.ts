import type { DataSource, EntityManager } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import type { AuditActor } from '../audit/audit.service';
import { Role } from '../auth/role';
import { UserEntity } from '../auth/user.entity';
import type { Viewer } from '../auth/viewer';
import { BoardEntity } from '../escalation/escalation.entities';
import { EscalationService } from '../escalation/escalation.service';
import { OrganisationEntity } from '../organisations/organisation.entity';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { SeriesScoreEntity } from '../scores/series-score.entity';
import type { Logger } from '../server/logger';
import { DEMO_CCG_CODE, SHEFFIELD_CCG_CODE } from './demo-accounts';

// Illustrative boards and escalation items for the demo (issue 16 point 6), made only on the embedded database like
// the other demo seeds: a database named by DATABASE_URL never gets invented boards or items.
// - NHS Sheffield CCG (03N), whose performance management framework is seed 002: its boards as the seed names them,
//   with the seed's words as terms of reference (Appendix 2), a Contract Management Board for each provider it
//   contracts with (the illustrative contracts: RHQ) and the Sheffield System Resilience Group the seed mentions;
//   three illustrative items with their history (a failing A&E month of RHQ read from the stored scores, a programme
//   exception, a financial warning) and a held meeting of the Integrated Board whose pack is frozen.
// - NHS Leeds North CCG (02V), where the demo accounts sit: the standard boards set up by the same code as
//   setUpStandardBoards, no items; demo-board-member chairs the Integrated Board with demo-commissioning-manager and
//   demo-analyst as members; demo-director chairs the Commissioning Executive Team with demo-board-member a member.
// Every board, item and meeting is marked illustrative. The items' and meetings' dates lie in the 2018/19 year the
// bundled data covers, and illustrative items are never shown as overdue against today's clock.

const SEED_ACTOR: AuditActor = { userId: null, username: 'demo-seed', requestId: 'demo-seed' };
const REQUEST = 'demo-seed';

/** The day of the Sheffield Integrated Board's illustrative held meeting, and of its next one. */
export const DEMO_HELD_MEETING_ON = '2019-03-14';
const DEMO_NEXT_MEETING_ON = '2019-04-11';

/**
 * Creates the illustrative boards, members, items and meetings (once: nothing is made when either CCG already has an
 * illustrative board). Needs the demo accounts, the bundled data and the illustrative contracts, so main.ts calls it
 * after them. Returns how many boards it made.
 */
export async function seedDemoEscalation(dataSource: DataSource, logger: Logger): Promise<number> {
  const manager = dataSource.manager;
  if ((await manager.countBy(BoardEntity, { illustrative: true })) > 0) return 0;
  const users = await usersByName(manager, ['demo-sheffield-director', 'demo-board-member', 'demo-commissioning-manager', 'demo-analyst', 'demo-director']);
  const ccgs = new Set((await manager.findBy(OrganisationEntity, { type: 'CCG' })).map((o) => o.code));
  const scorecards = new ScorecardsService(dataSource);
  const service = new EscalationService(dataSource, new AccountsService(dataSource), (ccg, asOf) => scorecards.providersOfCcg(ccg, asOf));

  const boardMember = users['demo-board-member'];
  const leedsDirector = users['demo-director'];
  if (ccgs.has(DEMO_CCG_CODE) && boardMember && leedsDirector) {
    await dataSource.transaction(async (tx) => {
      await service.standardBoards(tx, SEED_ACTOR, DEMO_CCG_CODE, true);
      const records = await service.boardRecordsOf(tx, DEMO_CCG_CODE);
      const integrated = records.find((r) => r.board.kind === 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD');
      const cet = records.find((r) => r.board.kind === 'COMMISSIONING_EXECUTIVE_TEAM');
      if (integrated) {
        await service.writeMembers(tx, SEED_ACTOR, integrated, [
          { userId: boardMember.id, isChair: true },
          ...(users['demo-commissioning-manager'] ? [{ userId: users['demo-commissioning-manager'].id, isChair: false }] : []),
          ...(users['demo-analyst'] ? [{ userId: users['demo-analyst'].id, isChair: false }] : []),
        ]);
      }
      if (cet) {
        await service.writeMembers(tx, SEED_ACTOR, cet, [
          { userId: leedsDirector.id, isChair: true },
          { userId: boardMember.id, isChair: false },
        ]);
      }
    });
  }

  const director = users['demo-sheffield-director'];
  if (ccgs.has(SHEFFIELD_CCG_CODE) && director) {
    await dataSource.transaction(async (tx) => {
      await service.standardBoards(tx, SEED_ACTOR, SHEFFIELD_CCG_CODE, true);
      const srg = await service.boardRecordsOf(tx, SHEFFIELD_CCG_CODE);
      if (!srg.some((r) => r.board.kind === 'SYSTEM_RESILIENCE_GROUP')) {
        await tx.save(
          tx.create(BoardEntity, {
            ccgCode: SHEFFIELD_CCG_CODE,
            kind: 'SYSTEM_RESILIENCE_GROUP',
            name: 'Sheffield System Resilience Group',
            systemName: 'Sheffield',
            providerCode: null,
            frequency: 'Monthly',
            termsOfReference:
              'Non-elective system resilience and escalation: winter, business continuity and patient flow, with oversight of system-wide performance (seed 002, section 3.4).',
            illustrative: true,
            version: 1,
          }),
        );
      }
      // The director chairs the Integrated Board and CET and sits on every other board, so the demo shows each move.
      for (const record of await service.boardRecordsOf(tx, SHEFFIELD_CCG_CODE)) {
        const chairs = record.board.kind === 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' || record.board.kind === 'COMMISSIONING_EXECUTIVE_TEAM';
        await service.writeMembers(tx, SEED_ACTOR, record, [{ userId: director.id, isChair: chairs }]);
      }
    });
    await sheffieldItems(dataSource, service, viewerOf(director, SHEFFIELD_CCG_CODE));
  }

  const made = await manager.countBy(BoardEntity, { illustrative: true });
  logger.info('created the illustrative boards and escalation items', { boards: made });
  return made;
}

async function sheffieldItems(dataSource: DataSource, service: EscalationService, director: Viewer): Promise<void> {
  const records = await service.boardRecordsOf(dataSource.manager, SHEFFIELD_CCG_CODE);
  const board = (kind: string) => records.find((r) => r.board.kind === kind)?.board;
  const integrated = board('INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD');
  const pmdg = board('PROGRAMME_MANAGEMENT_DELIVERY_GROUP');
  const cmb = records.find((r) => r.board.kind === 'CONTRACT_MANAGEMENT_BOARD' && r.board.providerCode === 'RHQ')?.board;
  if (!integrated) return;

  // RHQ's A&E four-hour standard as the stored scores have it: its latest failing month of 2018/19, if the data has one.
  const failing = await dataSource
    .getRepository(SeriesScoreEntity)
    .createQueryBuilder('s')
    .where("s.organisation_code = 'RHQ' AND s.indicator_code = 'AE_4HR_ALL' AND s.rag = 'RED' AND s.as_of BETWEEN '2018-04-01' AND '2019-03-01'")
    .orderBy('s.as_of', 'DESC')
    .getOne();
  if (failing) {
    const id = await service.raise(
      director,
      REQUEST,
      {
        ccg: SHEFFIELD_CCG_CODE,
        kind: 'KPI_BREACH',
        title: 'Sheffield Teaching Hospitals: A&E four-hour standard not met (illustrative)',
        description: `Illustrative: ${failing.value.toFixed(1)}% of A&E attendances within four hours against the 95% standard in the month shown (from the stored scores).`,
        severity: 'HIGH',
        dueOn: '2019-04-30',
        source: { providerCode: 'RHQ', indicatorCode: 'AE_4HR_ALL', period: failing.asOf },
        illustrative: true,
      },
      '2019-03-01',
    );
    if (cmb) {
      const item = await service.item(director, id, '2019-03-01');
      if (item) await service.move(director, REQUEST, { itemId: id, expectedVersion: item.version, toBoardId: cmb.id, reason: 'Illustrative: the provider’s recovery plan is for its Contract Management Board.' });
    }
  }

  if (pmdg) {
    const id = await service.raise(
      director,
      REQUEST,
      {
        ccg: SHEFFIELD_CCG_CODE,
        kind: 'PROGRAMME_EXCEPTION',
        title: 'Elective care programme: QIPP savings behind plan (illustrative)',
        description: 'Illustrative: the programme reports its savings behind plan for the quarter; the Delivery Group could not resolve it.',
        severity: 'MEDIUM',
        dueOn: '2019-05-31',
        source: { text: 'Programme Management Delivery Group exception report (illustrative)' },
        illustrative: true,
      },
      '2019-03-01',
    );
    const item = await service.item(director, id, '2019-03-01');
    if (item) await service.move(director, REQUEST, { itemId: id, expectedVersion: item.version, toBoardId: integrated.id, reason: 'Illustrative: not resolved by the Delivery Group; the Integrated Board is the next point of escalation (seed 002).' });
  }

  const warning = await service.raise(
    director,
    REQUEST,
    {
      ccg: SHEFFIELD_CCG_CODE,
      kind: 'FINANCIAL_WARNING',
      title: 'Forecast outturn above plan (illustrative)',
      description: 'Illustrative: the month 11 forecast outturn is above plan; the contingency may be needed.',
      severity: 'CRITICAL',
      dueOn: '2019-03-31',
      source: { text: 'Month 11 finance report (illustrative)' },
      illustrative: true,
    },
    '2019-03-01',
  );
  const item = await service.item(director, warning, '2019-03-01');
  if (item) await service.recordNote(director, REQUEST, { itemId: warning, expectedVersion: item.version, note: 'Illustrative: the finance team will bring the recovery options to the next meeting.' });

  // A held meeting of the Integrated Board, its pack frozen, and the next one scheduled.
  const held = await service.scheduleMeeting(director, REQUEST, { boardId: integrated.id, meetsOn: DEMO_HELD_MEETING_ON, illustrative: true });
  await service.recordDecision(director, REQUEST, { meetingId: held, itemId: warning, decision: 'NOTE', note: 'Illustrative: the board noted the forecast and asked for the recovery options.' }, '2019-03-14');
  const meeting = await service.meeting(director, held);
  if (meeting) await service.holdMeeting(director, REQUEST, { meetingId: held, expectedVersion: meeting.version, minutes: 'Illustrative minutes: the board reviewed the pack, noted the forecast outturn, and agreed the escalations shown.' });
  await service.scheduleMeeting(director, REQUEST, { boardId: integrated.id, meetsOn: DEMO_NEXT_MEETING_ON, illustrative: true });
}

async function usersByName(manager: EntityManager, usernames: string[]): Promise<Record<string, UserEntity | undefined>> {
  const users = await manager.find(UserEntity, {});
  return Object.fromEntries(usernames.map((name) => [name, users.find((u) => u.username === name)]));
}

function viewerOf(user: UserEntity, ccg: string): Viewer {
  return { userId: user.id, username: user.username, displayName: user.displayName, roles: [{ role: Role.BOARD_MEMBER, organisationCode: ccg }] };
}
