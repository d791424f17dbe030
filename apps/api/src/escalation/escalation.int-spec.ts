import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LEEDS_NORTH, SHEFFIELD, mutate, refusal, refuse, setUpAssuranceWorld, succeed, type AssuranceWorld } from '../assessments/assurance.fixtures';
import { Role } from '../auth/role';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';
import { OrganisationType } from '../organisations/organisation-type';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import type { TestClient } from '../testing/test-server';

// Boards and escalation through GraphQL on the real database (issue 16): boards set up and configured by an
// administrator, items raised, moved on and off the route by members and the chair with reasons, notes, actions,
// closing and reopening, meetings whose pack is built live and frozen when held (the Integrated Board's failing
// indicators from the stored scores of a real A&E import), the held meeting's PDF, and who may do what.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const rr8 = lines.filter((line) => line.split(',')[1] === 'RR8' && line.slice(0, 10) >= '2017-04-01' && line.slice(0, 10) < '2018-04-01');

const BOARD_FIELDS = `id kind kindLabel name frequency termsOfReference systemName illustrative version viewerIsMember viewerIsChair viewerMayConfigure
  ccg { code } provider { code } members { user { id username displayName } isChair } chair { user { username } }`;
const ITEM_FIELDS = `id kind kindLabel title description severity severityLabel status statusLabel dueOn overdue closedReason illustrative version availableActions
  source { period noticeId text provider { code } indicator { code } }
  owner { id username } raisedBy { username } board { id kind name } ccg { code }
  nextBoards { id kind } previousBoards { id kind }
  history { actor action actionLabel moveKind reason decision fromBoard { kind } toBoard { kind } meeting { id } }
  actions { id description owner { username } dueOn status overdue version }`;
const PACK_ITEM = `id title kind severity status boardName arrivedFrom owner { username } dueOn`;
const MEETING_FIELDS = `id meetsOn status statusLabel minutes heldAt version availableActions pdfUrl board { id kind }
  pack { frozen builtAt newItems { ${PACK_ITEM} } escalatedIn { ${PACK_ITEM} } carriedOver { ${PACK_ITEM} } decisionsDue { ${PACK_ITEM} }
    failingIndicators { providerCode providerName indicatorCode period value target rag variationType assuranceType } providersBasis indicatorsAsOf }
  decisions { itemId itemTitle decision decisionLabel note toBoardName recordedBy }`;

const SET_UP = `mutation($ccg: String!) { setUpStandardBoards(ccg: $ccg) { ${BOARD_FIELDS} } }`;
const CREATE_BOARD = `mutation($input: CreateBoardInput!) { createBoard(input: $input) { ${BOARD_FIELDS} } }`;
const UPDATE_BOARD = `mutation($input: UpdateBoardInput!) { updateBoard(input: $input) { ${BOARD_FIELDS} } }`;
const SET_MEMBERS = `mutation($input: SetBoardMembersInput!) { setBoardMembers(input: $input) { ${BOARD_FIELDS} } }`;
const BOARDS = `query($ccg: String!) { boards(ccg: $ccg) { ${BOARD_FIELDS} } }`;
const BOARD = `query($id: ID!) { board(id: $id) { ${BOARD_FIELDS} openItems { id } nextMeeting { id } scheduledMeetings { id } pastMeetings { id } } }`;
const RAISE = `mutation($input: RaiseEscalationItemInput!) { raiseEscalationItem(input: $input) { ${ITEM_FIELDS} } }`;
const MOVE = `mutation($input: MoveEscalationItemInput!) { moveEscalationItem(input: $input) { ${ITEM_FIELDS} } }`;
const NOTE = `mutation($input: RecordEscalationNoteInput!) { recordEscalationNote(input: $input) { ${ITEM_FIELDS} } }`;
const CLOSE = `mutation($input: ChangeEscalationItemStatusInput!) { closeEscalationItem(input: $input) { ${ITEM_FIELDS} } }`;
const REOPEN = `mutation($input: ChangeEscalationItemStatusInput!) { reopenEscalationItem(input: $input) { ${ITEM_FIELDS} } }`;
const ADD_ACTION = `mutation($input: AddEscalationActionInput!) { addEscalationAction(input: $input) { ${ITEM_FIELDS} } }`;
const UPDATE_ACTION = `mutation($input: UpdateEscalationActionInput!) { updateEscalationAction(input: $input) { ${ITEM_FIELDS} } }`;
const ITEM = `query($id: ID!) { escalationItem(id: $id) { ${ITEM_FIELDS} } }`;
const ITEMS = `query($ccg: String!, $status: EscalationItemStatus, $boardId: ID) { escalationItems(ccg: $ccg, status: $status, boardId: $boardId) { id } }`;
const MY_ITEMS = `query { myEscalationItems { id } }`;
const MAP = `query($ccg: String!) { escalationMap(ccg: $ccg) { ccg { code } openItems boards { board { kind } openItems bySeverity { severity count } items { id } } } }`;
const ROUTES = `query($ccg: String!) { escalationRoutes(ccg: $ccg) { itemKind fromKind toKinds configured source } }`;
const SET_ROUTE = `mutation($input: SetEscalationRouteInput!) { setEscalationRoute(input: $input) { itemKind fromKind toKinds configured } }`;
const SCHEDULE = `mutation($input: ScheduleBoardMeetingInput!) { scheduleBoardMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const DECIDE = `mutation($input: RecordMeetingDecisionInput!) { recordMeetingDecision(input: $input) { ${MEETING_FIELDS} } }`;
const HOLD = `mutation($input: HoldBoardMeetingInput!) { holdBoardMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const CANCEL = `mutation($input: CancelBoardMeetingInput!) { cancelBoardMeeting(input: $input) { ${MEETING_FIELDS} } }`;
const MEETING = `query($id: ID!) { boardMeeting(id: $id) { ${MEETING_FIELDS} } }`;

interface BoardView {
  id: string;
  kind: string;
  name: string;
  version: number;
  viewerIsMember: boolean;
  viewerIsChair: boolean;
  viewerMayConfigure: boolean;
  provider: { code: string } | null;
  members: { user: { id: string; username: string }; isChair: boolean }[];
  chair: { user: { username: string } } | null;
}
interface Item {
  id: string;
  status: string;
  version: number;
  overdue: boolean;
  availableActions: string[];
  owner: { id: string; username: string };
  board: { id: string; kind: string; name: string };
  nextBoards: { id: string; kind: string }[];
  previousBoards: { id: string; kind: string }[];
  history: { actor: string; action: string; moveKind: string | null; reason: string | null; decision: string | null; fromBoard: { kind: string } | null; toBoard: { kind: string } | null; meeting: { id: string } | null }[];
  actions: { id: string; status: string; version: number; owner: { username: string } }[];
  closedReason: string | null;
  source: { period: string | null; provider: { code: string } | null; indicator: { code: string } | null };
}
interface PackItem {
  id: string;
  status: string;
  boardName: string;
  arrivedFrom: string | null;
}
interface Meeting {
  id: string;
  status: string;
  version: number;
  availableActions: string[];
  pdfUrl: string | null;
  pack: {
    frozen: boolean;
    newItems: PackItem[];
    escalatedIn: PackItem[];
    carriedOver: PackItem[];
    decisionsDue: PackItem[];
    failingIndicators: { providerCode: string; indicatorCode: string; period: string; value: number; rag: string | null; variationType: string }[];
    providersBasis: string | null;
    indicatorsAsOf: string | null;
  };
  decisions: { itemId: string; decision: string; note: string; toBoardName: string | null; recordedBy: string }[];
}

describe('boards and escalation (issue 16)', () => {
  let world: AssuranceWorld;
  let chair: TestClient; // chairs the Integrated Performance and Delivery Board
  let director: TestClient; // chairs the Commissioning Executive Team
  let member: TestClient; // leeds-board: a member of both
  let boards: Record<string, BoardView>;
  const ids: Record<string, string> = {};

  const kpi = (overrides: Record<string, unknown> = {}) => ({
    ccg: LEEDS_NORTH,
    kind: 'KPI_BREACH',
    title: 'RR8 A&E four-hour standard failing',
    description: 'Below 95% for the twelfth month running.',
    severity: 'HIGH',
    source: { providerCode: 'RR8', indicatorCode: 'AE_4HR_ALL', period: '2018-03-01' },
    ...overrides,
  });
  const item = (client: TestClient, id: string) => succeed<Item | null>(client, ITEM, { id });
  const move = (client: TestClient, it: Item, toBoardId: string, reason = 'Needs the executive’s sign-off') => mutate<Item>(client, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId, reason });
  const count = async (sql: string, params: unknown[] = []) => Number((await world.db.dataSource.query(sql, params))[0].n);

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
    const sql = world.db.dataSource;
    await insertOrganisation(sql, 'RR8', 'LEEDS TEACHING HOSPITALS NHS TRUST', OrganisationType.NHS_TRUST);
    await insertOrganisation(sql, 'Y63', 'NORTH OF ENGLAND', OrganisationType.REGION);
    for (const code of [LEEDS_NORTH, 'RR8']) await sql.query(`INSERT INTO organisation_relationship (organisation_code, kind, related_code, source) VALUES ($1, 'IN_REGION', 'Y63', 'test')`, [code]);
    ids.chair = await insertUser(sql, 'leeds-chair', [{ role: Role.BOARD_MEMBER, organisationCode: LEEDS_NORTH }]);
    ids.director = await insertUser(sql, 'leeds-director', [{ role: Role.BOARD_MEMBER, organisationCode: LEEDS_NORTH }]);
    ids.sheffieldChair = await insertUser(sql, 'sheffield-chair', [{ role: Role.BOARD_MEMBER, organisationCode: SHEFFIELD }]);
    [ids.member] = (await sql.query(`SELECT id FROM app_user WHERE username = 'leeds-board'`)).map((r: { id: string }) => r.id);
    [ids.manager] = (await sql.query(`SELECT id FROM app_user WHERE username = 'leeds-manager'`)).map((r: { id: string }) => r.id);
    [ids.sheffieldManager] = (await sql.query(`SELECT id FROM app_user WHERE username = 'sheffield-manager'`)).map((r: { id: string }) => r.id);
    chair = await world.server.signedInClient('leeds-chair');
    director = await world.server.signedInClient('leeds-director');
    member = world.leedsBoard;
    // Real A&E rows of RR8 for 2017/18, so the stored scores the Integrated Board's pack reads exist.
    const report = await runImport(sql, { kind: importKinds.ae, fileName: 'ae-2017-18.csv', stream: Readable.from([Buffer.from([header, ...rr8].join('\n') + '\n')]), actor: { userId: null, username: 'test', requestId: 'escalation-test' } });
    expect(report.outcome).toBe('SUCCEEDED');
  }, 120_000);
  afterAll(() => world.close());

  it('sets up the seed-002 boards for an administrator of the CCG, once, audited; others are refused', async () => {
    expect(await refusal(world.leedsManager, SET_UP, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refusal(world.anonymous, SET_UP, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'UNAUTHENTICATED' });
    const made = await succeed<BoardView[]>(world.admin, SET_UP, { ccg: LEEDS_NORTH });
    expect(made.map((b) => b.kind)).toEqual(['PROGRAMME_MANAGEMENT_DELIVERY_GROUP', 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', 'COMMISSIONING_EXECUTIVE_TEAM', 'GOVERNING_BODY']);
    expect(made.every((b) => b.viewerMayConfigure && !b.viewerIsMember)).toBe(true);
    const again = await succeed<BoardView[]>(world.admin, SET_UP, { ccg: LEEDS_NORTH });
    expect(again.map((b) => b.id)).toEqual(made.map((b) => b.id));
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'CREATE_BOARD'`)).toBe(4);
    boards = Object.fromEntries(made.map((b) => [b.kind, b]));

    const cmb = await mutate<BoardView>(world.admin, CREATE_BOARD, { ccg: LEEDS_NORTH, kind: 'CONTRACT_MANAGEMENT_BOARD', providerCode: 'RR8', frequency: 'Monthly' });
    expect(cmb).toMatchObject({ name: 'Contract Management Board: LEEDS TEACHING HOSPITALS NHS TRUST', provider: { code: 'RR8' } });
    boards.CONTRACT_MANAGEMENT_BOARD = cmb;
    expect(await refuse(world.admin, CREATE_BOARD, { ccg: LEEDS_NORTH, kind: 'CONTRACT_MANAGEMENT_BOARD', frequency: 'Monthly' })).toMatchObject({ reason: 'PROVIDER_REQUIRED', details: { fields: ['providerCode'] } });
    expect(await refuse(world.admin, CREATE_BOARD, { ccg: LEEDS_NORTH, kind: 'GOVERNING_BODY', frequency: 'Monthly' })).toMatchObject({ code: 'CONFLICT', reason: 'BOARD_EXISTS' });
    const renamed = await mutate<BoardView>(world.admin, UPDATE_BOARD, { boardId: cmb.id, expectedVersion: cmb.version, frequency: 'Bi-monthly' });
    expect(renamed.version).toBe(cmb.version + 1);
    expect(await refuse(world.admin, UPDATE_BOARD, { boardId: cmb.id, expectedVersion: cmb.version, frequency: 'Weekly' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
  });

  it('sets members and one chair from users with a role at the CCG', async () => {
    const ipdb = boards.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD;
    expect(await refuse(world.admin, SET_MEMBERS, { boardId: ipdb.id, expectedVersion: ipdb.version, members: [{ userId: ids.sheffieldManager, isChair: false }] })).toMatchObject({
      reason: 'USER_NOT_AT_CCG',
      details: { fields: ['members.0.userId'] },
    });
    expect(
      await refuse(world.admin, SET_MEMBERS, { boardId: ipdb.id, expectedVersion: ipdb.version, members: [{ userId: ids.chair, isChair: true }, { userId: ids.member, isChair: true }] }),
    ).toMatchObject({ reason: 'ONE_CHAIR' });
    expect(await refuse(member, SET_MEMBERS, { boardId: ipdb.id, expectedVersion: ipdb.version, members: [] })).toMatchObject({ code: 'FORBIDDEN' });
    boards.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD = await mutate<BoardView>(world.admin, SET_MEMBERS, {
      boardId: ipdb.id,
      expectedVersion: ipdb.version,
      members: [{ userId: ids.chair, isChair: true }, { userId: ids.member, isChair: false }, { userId: ids.manager, isChair: false }],
    });
    const cet = boards.COMMISSIONING_EXECUTIVE_TEAM;
    boards.COMMISSIONING_EXECUTIVE_TEAM = await mutate<BoardView>(world.admin, SET_MEMBERS, {
      boardId: cet.id,
      expectedVersion: cet.version,
      members: [{ userId: ids.director, isChair: true }, { userId: ids.member, isChair: false }],
    });
    const seen = await succeed<BoardView>(chair, BOARD, { id: ipdb.id });
    expect(seen).toMatchObject({ viewerIsMember: true, viewerIsChair: true, viewerMayConfigure: false, chair: { user: { username: 'leeds-chair' } } });
    expect(await succeed(world.sheffieldManager, BOARD, { id: ipdb.id })).toBeNull();
    expect(await refusal(world.sheffieldManager, BOARDS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await succeed<BoardView[]>(world.leedsFinance, BOARDS, { ccg: LEEDS_NORTH })).length).toBe(5);
    const people = await succeed<{ username: string }[]>(world.leedsFinance, `query($ccg: String!) { escalationPeople(ccg: $ccg) { id username displayName } }`, { ccg: LEEDS_NORTH });
    expect(people.map((p) => p.username)).toEqual(['Test leeds-board', 'Test leeds-chair', 'Test leeds-director', 'Test leeds-finance', 'Test leeds-manager'].map((name) => name.slice(5)));
    expect(await refusal(world.sheffieldManager, `query($ccg: String!) { escalationPeople(ccg: $ccg) { id } }`, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('raises an item at the entry board of its route, with its source, audited; refuses what does not fit', async () => {
    expect(await refuse(world.anonymous, RAISE, kpi())).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await refuse(world.sheffieldManager, RAISE, kpi())).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    expect(await refuse(world.leedsManager, RAISE, kpi({ source: { providerCode: 'RR8' } }))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'SOURCE_REQUIRED', details: { fields: ['source.indicatorCode'] } });
    expect(await refuse(world.leedsManager, RAISE, kpi({ title: '  ' }))).toMatchObject({ reason: 'TEXT_REQUIRED', details: { fields: ['title'] } });
    expect(await refuse(world.leedsManager, RAISE, kpi({ ownerUserId: ids.sheffieldManager }))).toMatchObject({ reason: 'USER_NOT_AT_CCG', details: { fields: ['ownerUserId'] } });
    expect(await refuse(world.leedsManager, RAISE, kpi({ kind: 'NOT_A_KIND' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refuse(world.sheffieldManager, RAISE, kpi({ ccg: SHEFFIELD }))).toMatchObject({ reason: 'BOARD_NOT_SET_UP', details: { boardKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', fields: ['kind'] } });

    const raised = await mutate<Item>(world.leedsManager, RAISE, kpi());
    ids.item = raised.id;
    expect(raised).toMatchObject({
      status: 'OPEN',
      board: { kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' },
      owner: { username: 'leeds-manager' },
      source: { period: '2018-03-01', provider: { code: 'RR8' }, indicator: { code: 'AE_4HR_ALL' } },
      nextBoards: [{ kind: 'CONTRACT_MANAGEMENT_BOARD' }, { kind: 'COMMISSIONING_EXECUTIVE_TEAM' }],
      previousBoards: [],
    });
    expect(raised.history).toEqual([
      { actor: 'Test leeds-manager', action: 'RAISE', actionLabel: 'Raise an escalation item', moveKind: null, reason: null, decision: null, fromBoard: null, toBoard: { kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' }, meeting: null },
    ]);
    // The raiser is the owner and one of the board's members.
    expect(raised.availableActions).toEqual(['ESCALATE', 'DE_ESCALATE', 'RECORD_NOTE', 'ADD_ACTION', 'UPDATE_ACTION']);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'RAISE_ESCALATION_ITEM' AND entity_id = $1`, [raised.id])).toBe(1);

    // Readers: the CCG's staff and NHS England's administrators; nobody else.
    expect((await item(world.leedsFinance, raised.id))?.availableActions).toEqual(['RECORD_NOTE']);
    expect((await item(world.admin, raised.id))?.availableActions).toEqual([]);
    expect((await item(chair, raised.id))?.availableActions).toEqual(['ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE', 'RECORD_NOTE', 'RECORD_DECISION', 'ADD_ACTION', 'UPDATE_ACTION', 'CLOSE']);
    expect(await item(world.sheffieldManager, raised.id)).toBeNull();
    expect(await refusal(world.sheffieldManager, ITEMS, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await succeed<{ id: string }[]>(world.leedsFinance, ITEMS, { ccg: LEEDS_NORTH, status: 'OPEN' })).map((i) => i.id)).toEqual([raised.id]);
  });

  it('moves an item up and down the route by its board’s members, off it only by the chair, always with a reason', async () => {
    let it = (await item(member, ids.item)) as Item;
    const cet = boards.COMMISSIONING_EXECUTIVE_TEAM.id;
    expect(await refuse(world.leedsFinance, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: cet, reason: 'Because' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(world.sheffieldManager, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: cet, reason: 'Because' })).toMatchObject({ code: 'NOT_FOUND', reason: 'ESCALATION_ITEM_NOT_FOUND' });
    expect(await refuse(member, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: cet, reason: ' ' })).toMatchObject({ reason: 'REASON_REQUIRED', details: { fields: ['reason'] } });
    expect(await refuse(member, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: it.board.id, reason: 'Stay' })).toMatchObject({ reason: 'SAME_BOARD' });
    expect(await refuse(member, MOVE, { itemId: it.id, expectedVersion: it.version + 5, toBoardId: cet, reason: 'Up' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(await refuse(member, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: '00000000-0000-4000-8000-000000000000', reason: 'Up' })).toMatchObject({ code: 'NOT_FOUND', reason: 'BOARD_NOT_FOUND' });

    it = await move(member, it, cet, 'Twelve months below standard: CET sign-off needed');
    expect(it.board.kind).toBe('COMMISSIONING_EXECUTIVE_TEAM');
    expect(it.history.at(-1)).toMatchObject({ actor: 'Test leeds-board', action: 'ESCALATE', moveKind: 'ESCALATION', reason: 'Twelve months below standard: CET sign-off needed', fromBoard: { kind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD' }, toBoard: { kind: 'COMMISSIONING_EXECUTIVE_TEAM' } });
    expect(it.previousBoards.map((b) => b.kind)).toEqual(['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', 'CONTRACT_MANAGEMENT_BOARD']);
    // The Integrated Board's chair is not a member of CET: they no longer act on it.
    expect(await refuse(chair, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: boards.GOVERNING_BODY.id, reason: 'Up' })).toMatchObject({ code: 'FORBIDDEN' });

    it = await move(member, it, boards.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD.id, 'CET asks the Integrated Board to hold the provider to its plan');
    expect(it.history.at(-1)).toMatchObject({ action: 'DE_ESCALATE', moveKind: 'DE_ESCALATION' });

    // From the Integrated Board straight to the Governing Body is against the route: the chair's alone.
    expect(await refuse(world.leedsManager, MOVE, { itemId: it.id, expectedVersion: it.version, toBoardId: boards.GOVERNING_BODY.id, reason: 'Urgent' })).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ACTION_NOT_PERMITTED',
      details: { action: 'MOVE_OFF_ROUTE' },
    });
    it = await move(chair, it, boards.GOVERNING_BODY.id, 'Patient safety: the Governing Body must see this now');
    expect(it.history.at(-1)).toMatchObject({ actor: 'Test leeds-chair', action: 'MOVE_OFF_ROUTE', moveKind: 'OFF_ROUTE', reason: 'Patient safety: the Governing Body must see this now' });
    expect(it.history.map((e) => e.action)).toEqual(['RAISE', 'ESCALATE', 'DE_ESCALATE', 'MOVE_OFF_ROUTE']);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'MOVE_ESCALATION_ITEM' AND entity_id = $1`, [it.id])).toBe(3);
  });

  it('keeps the history insert-only for the application role', async () => {
    await expect(world.db.dataSource.query(`UPDATE escalation_item_event SET reason = 'rewritten'`)).rejects.toThrow(/permission denied/);
    await expect(world.db.dataSource.query(`DELETE FROM escalation_item_event`)).rejects.toThrow(/permission denied/);
    await expect(world.db.dataSource.query(`DELETE FROM board_meeting_decision`)).rejects.toThrow(/permission denied/);
  });

  it('records notes and actions by the right people, and closes and reopens by the chair with a reason', async () => {
    let it = await mutate<Item>(world.leedsManager, RAISE, kpi({ title: 'Ambulance handovers', severity: 'MEDIUM' }));
    expect(await refuse(world.sheffieldManager, NOTE, { itemId: it.id, expectedVersion: it.version, note: 'x' })).toMatchObject({ code: 'NOT_FOUND' });
    it = await mutate<Item>(world.leedsFinance, NOTE, { itemId: it.id, expectedVersion: it.version, note: 'The finance team sees the same in the activity data.' });
    expect(it.history.at(-1)).toMatchObject({ action: 'RECORD_NOTE', actor: 'Test leeds-finance', reason: 'The finance team sees the same in the activity data.' });
    const action = { description: 'Ask the trust for its handover plan', ownerUserId: ids.manager, dueOn: '2099-01-31' };
    expect(await refuse(world.leedsFinance, ADD_ACTION, { itemId: it.id, expectedVersion: it.version, ...action })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(world.leedsManager, ADD_ACTION, { itemId: it.id, expectedVersion: it.version, ...action, dueOn: '2001-01-01' })).toMatchObject({ reason: 'DATE_IN_PAST', details: { fields: ['dueOn'] } });
    it = await mutate<Item>(world.leedsManager, ADD_ACTION, { itemId: it.id, expectedVersion: it.version, ...action });
    expect(it.actions).toMatchObject([{ status: 'OPEN', owner: { username: 'leeds-manager' } }]);
    const [added] = it.actions;
    it = await mutate<Item>(member, UPDATE_ACTION, { actionId: added.id, expectedVersion: added.version, status: 'DONE' });
    expect(it.actions[0].status).toBe('DONE');
    expect(await refuse(member, UPDATE_ACTION, { actionId: added.id, expectedVersion: added.version, status: 'DROPPED' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });

    expect(await refuse(member, CLOSE, { itemId: it.id, expectedVersion: it.version, reason: 'Done' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await refuse(chair, CLOSE, { itemId: it.id, expectedVersion: it.version, reason: '' })).toMatchObject({ reason: 'REASON_REQUIRED', details: { fields: ['reason'] } });
    it = await mutate<Item>(chair, CLOSE, { itemId: it.id, expectedVersion: it.version, reason: 'Handovers back within 30 minutes for three months' });
    expect(it).toMatchObject({ status: 'CLOSED', closedReason: 'Handovers back within 30 minutes for three months', availableActions: ['REOPEN'] });
    expect(await refuse(world.leedsFinance, NOTE, { itemId: it.id, expectedVersion: it.version, note: 'late' })).toMatchObject({ reason: 'INVALID_TRANSITION' });
    expect(await refuse(chair, CLOSE, { itemId: it.id, expectedVersion: it.version, reason: 'again' })).toMatchObject({ reason: 'INVALID_TRANSITION' });
    it = await mutate<Item>(chair, REOPEN, { itemId: it.id, expectedVersion: it.version, reason: 'Handovers slipped again in the winter' });
    expect(it).toMatchObject({ status: 'OPEN', closedReason: null });
    expect(it.history.map((e) => e.action)).toEqual(['RAISE', 'RECORD_NOTE', 'ADD_ACTION', 'UPDATE_ACTION', 'CLOSE', 'REOPEN']);
  });

  it('builds a meeting’s pack live, records the chair’s decisions on the items, and freezes the pack when held', async () => {
    const cet = boards.COMMISSIONING_EXECUTIVE_TEAM;
    expect(await refuse(world.leedsFinance, SCHEDULE, { boardId: cet.id, meetsOn: '2099-03-20' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.sheffieldManager, SCHEDULE, { boardId: cet.id, meetsOn: '2099-03-20' })).toMatchObject({ code: 'NOT_FOUND', reason: 'BOARD_NOT_FOUND' });
    let meeting = await mutate<Meeting>(member, SCHEDULE, { boardId: cet.id, meetsOn: '2099-03-20' });
    ids.cetMeeting = meeting.id;
    expect(meeting).toMatchObject({ status: 'SCHEDULED', pdfUrl: null, pack: { frozen: false, failingIndicators: [], providersBasis: null } });
    expect(meeting.availableActions).toEqual([]);
    expect((await succeed<Meeting>(director, MEETING, { id: meeting.id })).availableActions).toEqual(['RECORD_ITEM_DECISION', 'HOLD', 'CANCEL']);

    // Raised at the Integrated Board, escalated to CET by its chair: it appears in CET's next pack as escalated in.
    let it = await mutate<Item>(world.leedsManager, RAISE, kpi({ title: 'RR8 twelve-hour trolley waits', severity: 'CRITICAL', dueOn: '2099-03-01' }));
    it = await move(chair, it, cet.id, 'Twelve-hour waits need CET');
    meeting = await succeed<Meeting>(director, MEETING, { id: meeting.id });
    expect(meeting.pack.escalatedIn.map((p) => p.id)).toEqual([it.id]);
    expect(meeting.pack.escalatedIn[0]).toMatchObject({ arrivedFrom: 'Integrated Performance and Delivery Board', boardName: 'Commissioning Executive Team', status: 'OPEN' });
    expect(meeting.pack.decisionsDue.map((p) => p.id)).toEqual([it.id]);

    const decide = (client: TestClient, input: Record<string, unknown>) => refuse(client, DECIDE, { meetingId: meeting.id, itemId: it.id, ...input });
    expect(await decide(member, { decision: 'CLOSE', note: 'Closed' })).toMatchObject({ code: 'FORBIDDEN', reason: 'ACTION_NOT_PERMITTED' });
    expect(await decide(director, { decision: 'ACTION', note: 'An action' })).toMatchObject({ reason: 'ACTION_REQUIRED', details: { fields: ['action'] } });
    expect(await decide(director, { decision: 'DE_ESCALATE', note: 'Back' })).toMatchObject({ reason: 'MOVE_TARGET_REQUIRED', details: { fields: ['toBoardId'] } });
    expect(await decide(director, { decision: 'ESCALATE', note: 'Down?', toBoardId: boards.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD.id })).toMatchObject({ reason: 'DECISION_AGAINST_MOVE' });
    expect(await refuse(director, DECIDE, { meetingId: meeting.id, itemId: ids.item, decision: 'NOTE', note: 'Not here' })).toMatchObject({ reason: 'ITEM_NOT_AT_BOARD' });

    meeting = await mutate<Meeting>(director, DECIDE, {
      meetingId: meeting.id,
      itemId: it.id,
      decision: 'ACTION',
      note: 'The trust to present its winter plan',
      action: { description: 'Winter plan to CET', ownerUserId: ids.manager, dueOn: '2099-04-30' },
    });
    meeting = await mutate<Meeting>(director, DECIDE, { meetingId: meeting.id, itemId: it.id, decision: 'CLOSE', note: 'Assured by the trust’s recovery: closed' });
    expect(meeting.decisions.map((d) => [d.decision, d.recordedBy])).toEqual([
      ['ACTION', 'Test leeds-director'],
      ['CLOSE', 'Test leeds-director'],
    ]);
    it = (await item(world.leedsManager, it.id)) as Item;
    expect(it).toMatchObject({ status: 'CLOSED', closedReason: 'Assured by the trust’s recovery: closed' });
    expect(it.history.slice(-2)).toMatchObject([
      { action: 'ADD_ACTION', actor: 'Test leeds-director', decision: 'Action agreed: The trust to present its winter plan', meeting: { id: meeting.id } },
      { action: 'CLOSE', actor: 'Test leeds-director', reason: 'Assured by the trust’s recovery: closed', meeting: { id: meeting.id } },
    ]);
    // Closed in the meeting, it stays in the meeting's pack as it stood before the decisions.
    expect(meeting.pack.escalatedIn).toMatchObject([{ id: it.id, status: 'OPEN', boardName: 'Commissioning Executive Team' }]);

    expect(await refuse(director, HOLD, { meetingId: meeting.id, expectedVersion: meeting.version, minutes: ' ' })).toMatchObject({ reason: 'MINUTES_REQUIRED', details: { fields: ['minutes'] } });
    expect(await refuse(member, HOLD, { meetingId: meeting.id, expectedVersion: meeting.version, minutes: 'Minutes' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(director, HOLD, { meetingId: meeting.id, expectedVersion: meeting.version - 1, minutes: 'Minutes' })).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    const held = await mutate<Meeting>(director, HOLD, { meetingId: meeting.id, expectedVersion: meeting.version, minutes: 'CET met; RR8 trolley waits closed on the trust’s assurance.' });
    expect(held).toMatchObject({ status: 'HELD', availableActions: [], pdfUrl: `/reports/board-meetings/${meeting.id}.pdf`, pack: { frozen: true } });
    expect(await refuse(director, DECIDE, { meetingId: meeting.id, itemId: it.id, decision: 'NOTE', note: 'late' })).toMatchObject({ reason: 'INVALID_TRANSITION' });

    // Later moves do not change what the held meeting's pack says.
    it = await mutate<Item>(director, REOPEN, { itemId: it.id, expectedVersion: it.version, reason: 'Waits returned' });
    it = await move(director, it, boards.GOVERNING_BODY.id, 'For the Governing Body');
    await mutate<Item>(world.leedsManager, RAISE, kpi({ title: 'Another concern' }));
    const later = await succeed<Meeting>(member, MEETING, { id: meeting.id });
    expect(later.pack).toEqual(held.pack);
    expect(later.decisions).toEqual(held.decisions);
    expect(await count(`SELECT count(*) AS n FROM audit_event WHERE action = 'HOLD_BOARD_MEETING' AND entity_id = $1`, [meeting.id])).toBe(1);
    ids.governingItem = it.id;
  });

  it('puts the month’s failing provider indicators from the stored scores in the Integrated Board’s pack', async () => {
    const ipdb = boards.INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD;
    const meeting = await mutate<Meeting>(chair, SCHEDULE, { boardId: ipdb.id, meetsOn: '2018-04-12' });
    expect(meeting.pack).toMatchObject({ providersBasis: 'REGION', indicatorsAsOf: '2018-04-12' });
    const stored: { indicator_code: string; value: number; rag: string | null; variation_type: string; assurance_type: string | null }[] = await world.db.dataSource.query(
      `SELECT indicator_code, value, rag, variation_type, assurance_type FROM series_score WHERE organisation_code = 'RR8' AND as_of = '2018-03-01'
        AND (rag = 'RED' OR variation_type = 'SPECIAL_CAUSE_CONCERN' OR assurance_type = 'CONSISTENT_FAIL') ORDER BY indicator_code`,
    );
    expect(stored.length).toBeGreaterThan(0);
    expect(meeting.pack.failingIndicators.map((f) => [f.providerCode, f.indicatorCode, f.period, f.value]).sort()).toEqual(stored.map((s) => ['RR8', s.indicator_code, '2018-03-01', s.value]).sort());
    const cancelled = await mutate<Meeting>(chair, CANCEL, { meetingId: meeting.id, expectedVersion: meeting.version, reason: 'Not quorate' });
    expect(cancelled.status).toBe('CANCELLED');
  });

  it('serves a held meeting’s PDF to the board’s members only', async () => {
    const cookieOf = (client: TestClient) => (client.lastSetCookie ?? '').split(';')[0];
    const get = (client: TestClient | null, id: string) => fetch(`${world.server.url}/reports/board-meetings/${id}.pdf`, { headers: client ? { cookie: cookieOf(client) } : {} });
    for (const client of [director, member]) {
      const response = await get(client, ids.cetMeeting);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    }
    for (const client of [world.leedsFinance, chair, world.sheffieldManager, world.admin]) expect((await get(client, ids.cetMeeting)).status).toBe(404);
    expect((await get(null, ids.cetMeeting)).status).toBe(401);
    const scheduled = await mutate<Meeting>(member, SCHEDULE, { boardId: boards.COMMISSIONING_EXECUTIVE_TEAM.id, meetsOn: '2099-05-20' });
    expect((await get(director, scheduled.id)).status).toBe(404);
    expect((await get(director, 'not-a-uuid')).status).toBe(404);
  });

  it('answers ids that are not ids as no record, never a 500', async () => {
    expect(await succeed(member, ITEM, { id: 'not-an-id' })).toBeNull();
    expect(await succeed(member, BOARD, { id: "1'; DROP TABLE board; --" })).toBeNull();
    expect(await succeed(member, MEETING, { id: '42' })).toBeNull();
    expect(await refusal(member, ITEMS, { ccg: LEEDS_NORTH, boardId: 'x' })).toMatchObject({ code: 'NOT_FOUND', reason: 'BOARD_NOT_FOUND' });
    expect(await refusal(member, ITEMS, { ccg: 'NOPE' })).toMatchObject({ code: 'NOT_FOUND', reason: 'ORGANISATION_NOT_FOUND' });
    expect(await refuse(member, MOVE, { itemId: 'x', expectedVersion: 1, toBoardId: 'y', reason: 'z' })).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await refuse(world.leedsManager, RAISE, kpi({ source: { providerCode: 'RR8', indicatorCode: 'AE_4HR_ALL', period: '2018-03-15' } }))).toMatchObject({ reason: 'INVALID_PERIOD', details: { fields: ['source.period'] } });
    expect(await refuse(world.leedsManager, RAISE, kpi({ dueOn: '2019-02-30' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('shows my items and the CCG’s escalation map', async () => {
    const mine = (await succeed<{ id: string }[]>(director, MY_ITEMS, {})).map((i) => i.id);
    expect(mine).toEqual([]);
    const memberItems = (await succeed<{ id: string }[]>(member, MY_ITEMS, {})).map((i) => i.id);
    expect(memberItems.length).toBeGreaterThan(0);
    expect(memberItems).not.toContain(ids.governingItem);
    const map = await succeed<{ openItems: number; boards: { board: { kind: string }; openItems: number; bySeverity: { severity: string; count: number }[]; items: { id: string }[] }[] }>(
      world.leedsFinance,
      MAP,
      { ccg: LEEDS_NORTH },
    );
    const open = await count(`SELECT count(*) AS n FROM escalation_item WHERE ccg_code = $1 AND status = 'OPEN'`, [LEEDS_NORTH]);
    expect(map.openItems).toBe(open);
    expect(map.boards.reduce((sum, b) => sum + b.openItems, 0)).toBe(open);
    const gb = map.boards.find((b) => b.board.kind === 'GOVERNING_BODY');
    expect(gb?.items.map((i) => i.id)).toEqual(expect.arrayContaining([ids.item, ids.governingItem]));
    expect(gb?.bySeverity.map((s) => s.severity)).toEqual(['CRITICAL', 'HIGH', 'MEDIUM', 'LOW']);
    expect(await refusal(world.sheffieldManager, MAP, { ccg: LEEDS_NORTH })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('lets an administrator of the CCG configure its route; moves then follow it', async () => {
    const input = { ccg: LEEDS_NORTH, itemKind: 'KPI_BREACH', fromKind: 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD', toKinds: ['GOVERNING_BODY'] };
    expect(await refuse(chair, SET_ROUTE, input)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refuse(world.admin, SET_ROUTE, { ...input, toKinds: ['INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD'] })).toMatchObject({ reason: 'INVALID_ESCALATION_ROUTE', details: { fields: ['toKinds'] } });
    const routes = await mutate<{ itemKind: string; fromKind: string | null; toKinds: string[]; configured: boolean }[]>(world.admin, SET_ROUTE, input);
    expect(routes.find((r) => r.itemKind === 'KPI_BREACH' && r.fromKind === 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD')).toEqual({ ...input, ccg: undefined, configured: true, itemKind: 'KPI_BREACH' } as never);
    let it = await mutate<Item>(world.leedsManager, RAISE, kpi({ title: 'Configured route' }));
    expect(it.nextBoards.map((b) => b.kind)).toEqual(['GOVERNING_BODY']);
    it = await move(world.leedsManager, it, boards.GOVERNING_BODY.id, 'The CCG sends these straight up');
    expect(it.history.at(-1)).toMatchObject({ action: 'ESCALATE', moveKind: 'ESCALATION' });
    await mutate(world.admin, SET_ROUTE, { ...input, useDefault: true });
    const read = await succeed<{ itemKind: string; fromKind: string | null; toKinds: string[]; configured: boolean }[]>(world.leedsFinance, ROUTES, { ccg: LEEDS_NORTH });
    expect(read.find((r) => r.itemKind === 'KPI_BREACH' && r.fromKind === 'INTEGRATED_PERFORMANCE_AND_DELIVERY_BOARD')).toMatchObject({
      toKinds: ['CONTRACT_MANAGEMENT_BOARD', 'COMMISSIONING_EXECUTIVE_TEAM', 'SYSTEM_RESILIENCE_GROUP'],
      configured: false,
    });
  });

  it('costs no more SQL statements for a list of more items at more boards (DataLoader)', async () => {
    const LIST = `query($ccg: String!) { escalationItems(ccg: $ccg, status: OPEN) { id title owner { username } ccg { code } availableActions
      board { id name members { user { username } isChair } }
      history { actor action fromBoard { name } toBoard { name } } actions { id owner { username } } } }`;
    const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
    const statements = async () => {
      spy.mockClear();
      const items = await succeed<unknown[]>(member, LIST, { ccg: LEEDS_NORTH });
      return { items: items.length, statements: spy.mock.calls.length };
    };
    await statements(); // the first use of a query shape prepares it once
    const before = await statements();
    for (const title of ['One more', 'Two more', 'Three more']) {
      const raised = await mutate<Item>(world.leedsManager, RAISE, kpi({ title }));
      if (title === 'Two more') await move(member, raised, boards.COMMISSIONING_EXECUTIVE_TEAM.id, 'For CET');
    }
    const after = await statements();
    spy.mockRestore();
    expect(after.items).toBe(before.items + 3);
    // A fixed number of batches whatever the number of items (a board named only in a history costs one more batch).
    expect(after.statements).toBeLessThanOrEqual(before.statements);
  });
});
