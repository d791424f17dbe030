import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { LEEDS_NORTH, PUBLISHED_ASSURANCE, refusal, setUpAssuranceWorld, SHEFFIELD, succeed, type AssuranceWorld } from './assurance.fixtures';

const IMPORT = `mutation($input: ImportDataInput!) { importData(input: $input) { id kind outcome rowsRead rowsRejected inserted updated deleted errors { line reason } } }`;
type Batch = { id: string; kind: string; outcome: string; rowsRead: number; rowsRejected: number; inserted: number; updated: number; deleted: number; errors: { line: number; reason: string }[] };
type Survey = { stakeholderSurvey: { surveyYear: string; questionCode: string; question: string; percentagePositive: string }[] };

const HEADER = 'survey_year,ccg_code,question_code,question,percentage_positive';
const GOOD_FILE = [
  HEADER,
  `2015/16,${LEEDS_NORTH},Q1,"The CCG engages effectively with stakeholders",72`,
  `2015/16,${LEEDS_NORTH},Q2,"The CCG has clear plans, understood by partners",64.5`,
  `2015/16,${SHEFFIELD},Q1,"The CCG engages effectively with stakeholders",81.25`,
  `2015/16,${SHEFFIELD},Q2,"The CCG has clear plans, understood by partners",100`,
  '',
].join('\n');

describe('the 360-degree stakeholder survey import (kind stakeholder-survey): safe, all or nothing, idempotent', () => {
  let world: AssuranceWorld;
  const importFile = (content: string, fileName = 'survey.csv') => succeed<Batch>(world.analyst, IMPORT, { input: { kind: 'STAKEHOLDER_SURVEY', fileName, content } });
  const count = async () => Number((await world.db.dataSource.query(`SELECT count(*)::int AS n FROM stakeholder_survey_result`))[0].n);

  beforeAll(async () => {
    world = await setUpAssuranceWorld();
  }, 60_000);
  afterAll(() => world.close());

  it('loads a good file, read back exactly on the public assurance page', async () => {
    expect(await importFile(GOOD_FILE)).toMatchObject({ kind: 'STAKEHOLDER_SURVEY', outcome: 'SUCCEEDED', rowsRead: 4, rowsRejected: 0, inserted: 4, updated: 0, deleted: 0, errors: [] });
    const survey = await succeed<Survey>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: LEEDS_NORTH });
    expect(survey.stakeholderSurvey).toEqual([
      { surveyYear: '2015/16', questionCode: 'Q1', question: 'The CCG engages effectively with stakeholders', percentagePositive: '72' },
      { surveyYear: '2015/16', questionCode: 'Q2', question: 'The CCG has clear plans, understood by partners', percentagePositive: '64.5' },
    ]);
  });

  it('changes nothing when the same file comes again (UNCHANGED)', async () => {
    expect(await importFile(GOOD_FILE)).toMatchObject({ outcome: 'UNCHANGED', rowsRead: 4, inserted: 0, updated: 0, deleted: 0 });
    expect(await count()).toBe(4);
  });

  it('refuses the whole file for a bad row, naming each bad row by its line, and saves nothing', async () => {
    const bad = [
      HEADER,
      `2016/17,${LEEDS_NORTH},Q1,"Engagement",70`,
      `2016/17,${LEEDS_NORTH},Q2,"Plans",120`,
      `2016/17,${LEEDS_NORTH},Q3,"Leadership",-1`,
      `2016/18,${LEEDS_NORTH},Q4,"Leadership",50`,
      `2016/17,${LEEDS_NORTH},Q5,"",50`,
      `2016/17,${LEEDS_NORTH},Q1,"Engagement again",70`,
      '',
    ].join('\n');
    const batch = await importFile(bad, 'survey-bad.csv');
    expect(batch).toMatchObject({ outcome: 'REJECTED', rowsRead: 6, rowsRejected: 4, inserted: 0 });
    expect(batch.errors).toEqual([
      { line: 3, reason: 'percentage_positive 120 is not from 0 to 100' },
      { line: 4, reason: expect.stringMatching(/^percentage_positive "-1" is not a percentage/) },
      { line: 5, reason: 'survey_year "2016/18" is not a financial year such as 2015/16' },
      { line: 6, reason: 'question is empty' },
    ]);
    expect(await count()).toBe(4);
    const duplicate = await importFile([HEADER, `2016/17,${LEEDS_NORTH},Q1,"Engagement",70`, `2016/17,${LEEDS_NORTH},Q1,"Engagement",71`].join('\n'), 'survey-duplicate.csv');
    expect(duplicate).toMatchObject({ outcome: 'REJECTED', errors: [{ line: 3, reason: 'repeats line 2 (same survey_year, ccg_code, question_code)' }] });
  });

  it('refuses a file naming a CCG that is not known (BAD_USER_INPUT, UNKNOWN_CCG with each line), saving nothing, kept in the history', async () => {
    const unknown = [HEADER, `2016/17,${LEEDS_NORTH},Q1,"Engagement",70`, `2016/17,ZZZ,Q1,"Engagement",70`, `2016/17,X24,Q1,"Engagement",70`, ''].join('\n');
    const refused = await refusal(world.analyst, IMPORT, { input: { kind: 'STAKEHOLDER_SURVEY', fileName: 'survey-unknown.csv', content: unknown } });
    expect(refused).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CCG',
      details: { line: 3, errors: [{ line: 3, reason: 'ccg_code "ZZZ" is not a known CCG' }, { line: 4, reason: 'ccg_code "X24" is not a known CCG' }] },
    });
    expect(await count()).toBe(4);
    const [history] = await world.db.dataSource.query(`SELECT outcome, errors FROM import_batch WHERE file_name = 'survey-unknown.csv'`);
    expect(history).toMatchObject({ outcome: 'REJECTED', errors: [{ line: 3 }] });
  });

  it('replaces the results of each CCG and year in a corrected file, auditing each change with before and after', async () => {
    const corrected = [HEADER, `2015/16,${LEEDS_NORTH},Q1,"The CCG engages effectively with stakeholders",74`, ''].join('\n');
    expect(await importFile(corrected, 'survey-corrected.csv')).toMatchObject({ outcome: 'SUCCEEDED', inserted: 0, updated: 1, deleted: 1 });
    const audits = await world.db.dataSource.query(`SELECT action, entity_id, before, after FROM audit_event WHERE entity_type = 'stakeholder_survey_result' ORDER BY id`);
    expect(audits).toEqual([
      { action: 'DELETE_STAKEHOLDER_SURVEY_RESULT', entity_id: `${LEEDS_NORTH}/2015/16/Q2`, before: { question: 'The CCG has clear plans, understood by partners', percentagePositive: '64.50' }, after: null },
      {
        action: 'UPDATE_STAKEHOLDER_SURVEY_RESULT',
        entity_id: `${LEEDS_NORTH}/2015/16/Q1`,
        before: { question: 'The CCG engages effectively with stakeholders', percentagePositive: '72.00' },
        after: { question: 'The CCG engages effectively with stakeholders', percentagePositive: '74.00' },
      },
    ]);
    // Sheffield's results were not in the file, so they stand.
    expect((await succeed<Survey>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: SHEFFIELD })).stakeholderSurvey).toHaveLength(2);
  });

  it('is for analysts and administrators (FORBIDDEN for an assessor, UNAUTHENTICATED for the public)', async () => {
    expect(await refusal(world.assessor, IMPORT, { input: { kind: 'STAKEHOLDER_SURVEY', fileName: 'x.csv', content: GOOD_FILE } })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(world.anonymous, IMPORT, { input: { kind: 'STAKEHOLDER_SURVEY', fileName: 'x.csv', content: GOOD_FILE } })).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('loads through the command-line importer too (npm run import -- stakeholder-survey <file>)', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'survey-'));
    const file = path.join(folder, 'survey-2016.csv');
    await writeFile(file, [HEADER, `2016/17,${SHEFFIELD},Q1,"The CCG engages effectively with stakeholders",79`, ''].join('\n'));
    try {
      const root = path.resolve(__dirname, '../../../..');
      const { stdout } = await promisify(execFile)(
        process.execPath,
        [path.join(root, 'node_modules/tsx/dist/cli.mjs'), '--tsconfig', 'apps/api/tsconfig.app.json', 'apps/api/src/imports/import-cli.ts', 'stakeholder-survey', file],
        { cwd: root, env: { ...process.env, DATABASE_URL: world.db.url, LOG_LEVEL: 'silent' } },
      );
      expect(stdout).toMatch(/^SUCCEEDED: 1 rows read/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
    expect((await succeed<Survey>(world.anonymous, PUBLISHED_ASSURANCE, { ccg: SHEFFIELD })).stakeholderSurvey[0]).toMatchObject({ surveyYear: '2016/17', percentagePositive: '79' });
  }, 60_000);
});
