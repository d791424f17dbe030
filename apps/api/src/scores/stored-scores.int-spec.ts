import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import { attentionScores } from '../attention/attention.queries';
import { runImport } from '../imports/import.service';
import { importKinds } from '../imports/kinds';
import { scoresOf } from '../scorecards/scorecard-scores';
import { Role } from '../auth/role';
import type { Viewer } from '../auth/viewer';
import { createServices } from '../server/services';
import { insertOrganisation, insertUser } from '../testing/fixtures';
import { createTestDatabase, type TestDatabase } from '../testing/test-database';
import { catalogueFromEffectiveVersions, type ProviderStandard } from '@ccg-assure/domain';
import { LocalTargetEntity } from '../targets/local-target.entity';
import { SeriesBaselineEntity } from '../targets/series-baseline.entity';
import { SeriesRebaseEntity } from '../targets/series-rebase.entity';
import { StandardVersionEntity } from '../targets/standard-version.entity';
import { TrajectoryMonthEntity } from '../targets/trajectory-month.entity';
import { PointsOnLatestScore1763800021000 } from '../database/migrations/1763800021000-points-on-latest-score';
import { SCORING_VERSION, scoreSeries, type IndicatorScore, type SeriesSettings } from './score-series';
import { recomputeSeriesScores } from './scores.service';
import { fromStoredScore, type StoredScoreRow } from './stored-score';

// Decision 0021: stored scores always equal scores computed afresh (`scoreSeries` over the current values of
// indicator_value), as at every month of every series, after each event that changes their inputs.

const aeFile = path.resolve(__dirname, '../../../../../shared/data/ae_attendances.csv');
const actor = { userId: null, username: 'test', requestId: 'stored-scores-test' };
/** Real trusts (RW3's series stops in 2017) and two sites with only "other" departments (no type 1 series). */
const ORGANISATIONS = ['RR8', 'RW3', 'RYJ', 'RXQ', 'RXK', 'RX1', 'RTD', 'AAH', 'AD913'];

const [header, ...lines] = readFileSync(aeFile, 'utf8').trim().split('\n');
const realRows = lines.filter((line) => ORGANISATIONS.includes(line.split(',')[1]));

type ValueRow = { indicatorCode: string; organisationCode: string; polarity: string; periodType: string; periodStart: string; periodEnd: string; periodLabel: string; numerator: number; denominator: number; value: number };

describe('stored scores equal scores computed afresh from the values', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  const importAe = async (fileName: string, rows: string[]) => {
    const report = await runImport(db.dataSource, { kind: importKinds.ae, fileName, stream: Readable.from([Buffer.from([header, ...rows].join('\n') + '\n')]), actor });
    expect(report.outcome).toBe('SUCCEEDED');
    return report;
  };

  /** Each series' settings read afresh from the tables with the repositories (not through the scores service). */
  async function settingsNow(): Promise<(indicatorCode: string, organisationCode: string) => SeriesSettings> {
    const manager = db.dataSource.manager;
    const standards = catalogueFromEffectiveVersions(
      (await manager.find(StandardVersionEntity)).map((row) => ({
        ...row,
        threshold: Number(row.threshold),
        source: row.source as ProviderStandard['source'],
      })) as unknown as ProviderStandard[],
    ).map(({ code, name, description, unit, polarity, threshold, zeroTolerance, periodType, numerator, denominator, validFrom, validTo, source }) => ({
      code, name, description, unit, polarity, threshold, zeroTolerance, periodType, numerator, denominator, validFrom, validTo, source,
    }));
    const [locals, months, baselines, rebases] = [await manager.find(LocalTargetEntity), await manager.find(TrajectoryMonthEntity), await manager.find(SeriesBaselineEntity), await manager.find(SeriesRebaseEntity)];
    const of = <T extends { indicatorCode: string; organisationCode: string }>(rows: T[], i: string, o: string) => rows.filter((row) => row.indicatorCode === i && row.organisationCode === o);
    return (i, o) => ({
      targets: {
        standards,
        localTargets: of(locals, i, o).map((row) => ({ effectiveFrom: row.effectiveFrom, value: Number(row.target) })),
        trajectory: of(months, i, o).map((row) => ({ period: row.period, value: Number(row.value) })),
      },
      rebaseDates: of(rebases, i, o).map((row) => row.rebaseDate).sort(),
      fixAfterNPoints: of(baselines, i, o)[0]?.fixAfterNPoints ?? null,
    });
  }

  /** Every series' score as at each of its months, computed now from indicator_value, keyed indicator|organisation|month. */
  async function computedScores(): Promise<Map<string, IndicatorScore>> {
    const settingsOf = await settingsNow();
    const values: ValueRow[] = await db.dataSource.query(
      `SELECT v.indicator_code AS "indicatorCode", v.organisation_code AS "organisationCode", i.polarity, p.type AS "periodType", p.start_date AS "periodStart",
              p.end_date AS "periodEnd", p.label AS "periodLabel", v.numerator::float8 AS numerator, v.denominator::float8 AS denominator, v.value::float8 AS value
       FROM indicator_value v JOIN period p ON p.id = v.period_id JOIN indicator i ON i.code = v.indicator_code
       ORDER BY v.indicator_code, v.organisation_code, p.start_date`,
    );
    const series = new Map<string, ValueRow[]>();
    for (const row of values) series.set(`${row.indicatorCode}|${row.organisationCode}`, [...(series.get(`${row.indicatorCode}|${row.organisationCode}`) ?? []), row]);
    const scores = new Map<string, IndicatorScore>();
    for (const [key, rows] of series) {
      const points = rows.map((row) => ({ period: row.periodStart, numerator: row.numerator, denominator: row.denominator, value: row.value }));
      rows.forEach(({ indicatorCode, organisationCode, polarity, periodType, periodStart, periodEnd, periodLabel, numerator, denominator, value }, index) => {
        const latest = { periodType, periodStart, periodEnd, periodLabel, numerator, denominator, value };
        scores.set(`${key}|${periodStart}`, scoreSeries(indicatorCode, polarity, points.slice(0, index + 1), latest, settingsOf(indicatorCode, organisationCode)));
      });
    }
    return scores;
  }

  /**
   * Every stored row, read back as the scorecards read it, keyed the same way. Only each series' latest row stores
   * its points (decision 0021, amended for issue 19): an earlier month's row is read with none (empty points).
   */
  async function storedScores(): Promise<Map<string, IndicatorScore>> {
    // The standard each row names, as the scorecards' statement joins it: the version stored under that code and day.
    const standards = (await settingsNow())('', '').targets.standards;
    const rows: (StoredScoreRow & { organisationCode: string; scoringVersion: number })[] = await db.dataSource.query(
      `SELECT s.organisation_code AS "organisationCode", s.indicator_code AS "indicatorCode", p.type AS "periodType", p.start_date AS "periodStart",
              p.end_date AS "periodEnd", p.label AS "periodLabel", s.numerator, s.denominator, s.value, s.standard_code AS "standardCode",
              s.standard_valid_from AS "standardValidFrom", s.rag, s.improvement_direction AS "improvementDirection", s.target,
              s.variation_type AS "variationType", s.assurance_type AS "assuranceType", s.short_group_warning AS "shortGroupWarning", s.points,
              s.scoring_version AS "scoringVersion", s.target_source AS "targetSource", s.fix_after_n_points AS "fixAfterNPoints"
       FROM series_score s JOIN period p ON p.id = s.period_id`,
    );
    for (const row of rows) row.standard = standards.find((s) => s.code === row.standardCode && s.validFrom === row.standardValidFrom) ?? null;
    expect(rows.filter((row) => row.scoringVersion !== SCORING_VERSION)).toEqual([]);
    return new Map(rows.map((row) => [`${row.indicatorCode}|${row.organisationCode}|${row.periodStart}`, fromStoredScore(row, [])]));
  }

  /** The stored rows with points, as `indicator|organisation|month`. */
  async function rowsWithPoints(): Promise<string[]> {
    const rows: { key: string }[] = await db.dataSource.query(
      `SELECT indicator_code || '|' || organisation_code || '|' || to_char(as_of, 'YYYY-MM-DD') AS key FROM series_score WHERE points IS NOT NULL ORDER BY 1`,
    );
    return rows.map((row) => row.key);
  }

  /** The month of each series' latest value, by `indicator|organisation`, from the keys of the fresh scores. */
  const latestMonths = (computed: Map<string, IndicatorScore>): Map<string, string> => {
    const latest = new Map<string, string>();
    for (const key of computed.keys()) {
      const [indicator, organisation, month] = key.split('|');
      if ((latest.get(`${indicator}|${organisation}`) ?? '') < month) latest.set(`${indicator}|${organisation}`, month);
    }
    return latest;
  };

  /**
   * The heart of the test: the same keys; every stored row's verdict columns equal to the fresh score's, and the
   * latest row's points too (the only row holding points); and the read path's scores with every point, as at every
   * month (a past month's points computed from the values up to then), equal to the fresh ones. Returns the read
   * path's scores as at each series' every month.
   */
  async function expectStoredEqualsComputed(): Promise<Map<string, IndicatorScore>> {
    const [stored, computed] = [await storedScores(), await computedScores()];
    expect([...stored.keys()].sort()).toEqual([...computed.keys()].sort());
    const latest = latestMonths(computed);
    // Points only on each series' latest row.
    expect(await rowsWithPoints()).toEqual([...latest].map(([series, month]) => `${series}|${month}`).sort());
    const expected = (key: string): IndicatorScore | undefined => {
      const score = computed.get(key);
      const [indicator, organisation, month] = key.split('|');
      return score && latest.get(`${indicator}|${organisation}`) !== month ? { ...score, analysis: { ...score.analysis, points: [] } } : score;
    };
    const differing = [...computed.keys()].filter((key) => !isDeepStrictEqual(stored.get(key), expected(key)));
    if (differing.length) expect(stored.get(differing[0])).toEqual(expected(differing[0]));
    expect(differing).toEqual([]);
    // And the read path gives, as at any date, each series' score as at its latest month on or before it, with every
    // point: as at each month of the data (past months' points computed on read), and as at no date.
    const months = [...new Set([...computed.keys()].map((key) => key.split('|')[2]))].sort();
    const read = new Map<string, IndicatorScore>();
    for (const asOf of [null, '2016-04-01', '2017-06-30', ...months]) {
      for (const [organisation, scores] of await scoresOf(db.dataSource, ORGANISATIONS, asOf)) {
        for (const score of scores) {
          const keys = [...computed.keys()].filter((key) => key.startsWith(`${score.indicatorCode}|${organisation}|`) && (asOf === null || key.split('|')[2] <= asOf)).sort();
          const key = keys[keys.length - 1];
          if (!isDeepStrictEqual(score, computed.get(key))) expect(score).toEqual(computed.get(key));
          read.set(key, score);
        }
      }
    }
    expect([...read.keys()].sort()).toEqual([...computed.keys()].sort());
    // The attention view's trend reads each series' last three values: from the latest row's points, else its values.
    for (const asOf of ['2017-06-30', months[months.length - 1]]) {
      for (const row of await attentionScores.rows(db.dataSource.manager, [ORGANISATIONS, null, asOf])) {
        const points = read.get(`${row.indicatorCode}|${row.organisationCode}|${row.periodStart}`)?.analysis.points ?? [];
        expect(row.lastValues).toEqual([points.at(-3)?.value ?? null, points.at(-2)?.value ?? null, points.at(-1)?.value ?? null]);
      }
    }
    return read;
  }

  let afterFirstImport: Map<string, IndicatorScore>;

  it('stores a score for every series as at every month of its values after a first import, each equal to scoreSeries', async () => {
    await importAe('ae-subset.csv', realRows);
    afterFirstImport = await expectStoredEqualsComputed();
    const [{ values }] = await db.dataSource.query(`SELECT count(*)::int AS values FROM indicator_value`);
    expect(afterFirstImport.size).toBe(values);
    expect(afterFirstImport.size).toBeGreaterThan(400);
    // The cases the subset is there for: a series that stops (RW3 merged in 2017), a series as at its first month
    // (one point: no limits), a site with no type 1 department.
    expect([...afterFirstImport.keys()].filter((key) => key.startsWith('AE_4HR_ALL|RW3|')).sort().pop()).toBe('AE_4HR_ALL|RW3|2017-09-01');
    expect(afterFirstImport.get('AE_4HR_ALL|AAH|2016-04-01')?.analysis.points).toMatchObject([{ upperProcessLimit: null, lowerProcessLimit: null }]);
    expect(afterFirstImport.has('AE_4HR_TYPE1|AAH|2019-03-01')).toBe(false);
  });

  it('after a correction (changed counts, a removed value, a removed department) and a new month, recomputes exactly what changed', async () => {
    const june = realRows.filter((line) => line.startsWith('2017-06-01,'));
    const corrected = june
      // RR8's type 1 department: 50 more breaches.
      .map((line) => (line.startsWith('2017-06-01,RR8,1,') ? line.replace(/^(2017-06-01,RR8,1,\d+,)(\d+)/, (_, head: string, breaches: string) => `${head}${Number(breaches) + 50}`) : line))
      // RW3 no longer reports June 2017; RYJ's type 1 department is withdrawn.
      .filter((line) => !line.startsWith('2017-06-01,RW3,') && !line.startsWith('2017-06-01,RYJ,1,'));
    const april2019 = realRows.filter((line) => line.startsWith('2019-03-01,')).map((line) => line.replace('2019-03-01', '2019-04-01'));
    expect((await rowsWithPoints()).filter((key) => key.startsWith('AE_4HR_ALL|RR8|'))).toEqual(['AE_4HR_ALL|RR8|2019-03-01']);
    const report = await importAe('ae-correction.csv', [...corrected, ...april2019]);
    // The new month's row takes the points; the previous latest row keeps its verdicts only.
    expect((await rowsWithPoints()).filter((key) => key.startsWith('AE_4HR_ALL|RR8|'))).toEqual(['AE_4HR_ALL|RR8|2019-04-01']);
    expect(report.counts).toMatchObject({ deleted: 3 });

    const after = await expectStoredEqualsComputed();
    expect(after.has('AE_4HR_ALL|RW3|2017-06-01')).toBe(false);
    expect(after.has('AE_4HR_TYPE1|RYJ|2017-06-01')).toBe(false);
    expect(after.get('AE_4HR_ALL|RYJ|2017-06-01')?.latest.value).not.toBe(afterFirstImport.get('AE_4HR_ALL|RYJ|2017-06-01')?.latest.value);
    expect(after.get('AE_4HR_TYPE1|RR8|2017-06-01')?.latest.numerator).toBe((afterFirstImport.get('AE_4HR_TYPE1|RR8|2017-06-01')?.latest.numerator ?? 0) - 50);
    expect(after.has('AE_4HR_ALL|RR8|2019-04-01')).toBe(true);
    // Months before the correction keep their scores; RR8's later months see the corrected June in their SPC.
    expect(after.get('AE_4HR_TYPE1|RR8|2017-05-01')).toEqual(afterFirstImport.get('AE_4HR_TYPE1|RR8|2017-05-01'));
    expect(after.get('AE_4HR_TYPE1|RR8|2019-03-01')?.analysis.points[14].value).not.toBe(afterFirstImport.get('AE_4HR_TYPE1|RR8|2019-03-01')?.analysis.points[14].value);
  });

  it('leaves the stored scores as they were when an import is refused for a bad row', async () => {
    const before = await storedScores();
    const changed = realRows.filter((line) => line.startsWith('2018-01-01,')).map((line) => line.replace(/,(\d+),(\d+),(\d+)$/, (_, a: string, b: string, c: string) => `,${a},${Number(b) + 1},${c}`));
    const report = await runImport(db.dataSource, {
      kind: importKinds.ae,
      fileName: 'ae-refused.csv',
      stream: Readable.from([Buffer.from([header, ...changed, '2018-01-01,RR8,3,10,1,0'].join('\n') + '\n')]),
      actor,
    });
    expect(report.outcome).toBe('REJECTED');
    expect(await storedScores()).toEqual(before);
    await expectStoredEqualsComputed();
  });

  it('recomputes, at start-up, series scored by another scoring version, tampered with, missing, or whose values changed behind the import', async () => {
    const scores = createServices(db.dataSource).scores;
    expect(await scores.refreshOutOfStep()).toEqual({ series: 0, rows: 0 });
    const before = [...(await storedScores()).keys()].map((key) => key.split('|'));
    // Another version's rows (with a verdict that version gave), a missing row, and a value written behind the import's back.
    await db.dataSource.query(`UPDATE series_score SET scoring_version = $1, variation_type = 'SPECIAL_CAUSE_CONCERN' WHERE organisation_code = 'RX1'`, [SCORING_VERSION - 1]);
    await db.dataSource.query(`DELETE FROM series_score WHERE organisation_code = 'RTD' AND indicator_code = 'AE_4HR_ALL' AND as_of = '2018-01-01'`);
    await db.dataSource.query(
      `UPDATE indicator_value v SET numerator = v.numerator - 10, value = round((v.numerator - 10) * 100 / v.denominator, 10)
       FROM period p WHERE p.id = v.period_id AND v.organisation_code = 'RXK' AND v.indicator_code = 'AE_4HR_TYPE1' AND p.start_date = '2018-06-01'`,
    );
    const recomputed = await scores.refreshOutOfStep();
    // RX1's two series whole, RTD's AE_4HR_ALL from January 2018 and RXK's AE_4HR_TYPE1 from June 2018.
    expect(recomputed.series).toBe(4);
    const rowsOf = (indicators: string[], organisation: string, from: string) =>
      before.filter(([indicator, code, month]) => indicators.includes(indicator) && code === organisation && month >= from).length;
    expect(recomputed.rows).toBe(rowsOf(['AE_4HR_ALL', 'AE_4HR_TYPE1'], 'RX1', '0000') + rowsOf(['AE_4HR_ALL'], 'RTD', '2018-01-01') + rowsOf(['AE_4HR_TYPE1'], 'RXK', '2018-06-01'));
    await expectStoredEqualsComputed();
    expect(await scores.refreshOutOfStep()).toEqual({ series: 0, rows: 0 });
  });

  it('keeps the points on the latest row when a series loses its latest value (the month before takes them)', async () => {
    await db.dataSource.query(
      `DELETE FROM indicator_value v USING period p WHERE p.id = v.period_id AND v.organisation_code = 'RYJ' AND v.indicator_code = 'AE_4HR_ALL' AND p.start_date = '2019-04-01'`,
    );
    expect(await createServices(db.dataSource).scores.refreshOutOfStep()).toEqual({ series: 1, rows: 1 });
    expect((await rowsWithPoints()).filter((key) => key.startsWith('AE_4HR_ALL|RYJ|'))).toEqual(['AE_4HR_ALL|RYJ|2019-03-01']);
    await expectStoredEqualsComputed();
  });

  it('migration 1763800021000 clears the points of every row but each series\' latest, set-based', async () => {
    const withPoints = await rowsWithPoints();
    // Rows as the earlier design stored them: points on every month's row.
    await db.dataSource.query(`UPDATE series_score SET points = '{"g": [], "p": []}'::jsonb WHERE points IS NULL`);
    expect((await rowsWithPoints()).length).toBeGreaterThan(withPoints.length);
    const runner = db.ownerDataSource.createQueryRunner();
    try {
      await new PointsOnLatestScore1763800021000().up(runner);
    } finally {
      await runner.release();
    }
    expect(await rowsWithPoints()).toEqual(withPoints);
    await expectStoredEqualsComputed();
  });

  it('recomputes a chunk of series at a time (memory stays bounded), with the same result across chunk boundaries', async () => {
    const series = await db.dataSource.query<{ indicatorCode: string; organisationCode: string }[]>(
      `SELECT DISTINCT indicator_code AS "indicatorCode", organisation_code AS "organisationCode" FROM indicator_value ORDER BY 1, 2`,
    );
    expect(series.length).toBeGreaterThan(6);
    const before = await storedScores();
    const result = await db.dataSource.transaction((manager) => recomputeSeriesScores(manager, series.map((s) => ({ ...s, from: null })), 3));
    expect(result).toEqual({ series: series.length, rows: before.size });
    expect(await storedScores()).toEqual(before);
    await expectStoredEqualsComputed();
  });
  it('after a standard change, a local target, a trajectory, a baseline and a rebase (each recomputed in its edit transaction), stored equals fresh (decision 0030)', async () => {
    await insertOrganisation(db.dataSource, '02V', 'NHS LEEDS NORTH CCG');
    const viewer = async (username: string, role: Role, organisationCode: string): Promise<Viewer> => ({
      userId: await insertUser(db.dataSource, username, [{ role, organisationCode }]),
      username,
      displayName: username,
      roles: [{ role, organisationCode }],
    });
    const [admin, manager, analyst] = [await viewer('scores-admin', Role.ADMIN, '02V'), await viewer('scores-manager', Role.COMMISSIONING_MANAGER, '02V'), await viewer('scores-analyst', Role.ANALYST, '02V')];
    const targets = createServices(db.dataSource).targets;
    const before = await expectStoredEqualsComputed();

    await targets.setStandardThreshold(admin, 'r1', { code: 'AE_4HR_ALL', financialYear: '2018/19', threshold: 90, reason: 'Planning guidance 2018/19' });
    const afterStandard = await expectStoredEqualsComputed();
    // Rows before April 2018 are as they were (but that the 95% version now ends on 31 March 2018); from then on the target is 90.
    const march = afterStandard.get('AE_4HR_ALL|RR8|2018-03-01') as IndicatorScore;
    expect({ ...march, standard: { ...march.standard, validTo: null } }).toEqual(before.get('AE_4HR_ALL|RR8|2018-03-01'));
    const april = afterStandard.get('AE_4HR_ALL|RR8|2018-04-01') as IndicatorScore;
    expect([april.target, april.targetSource, april.standard?.validFrom, april.standard?.validTo]).toEqual([90, 'STANDARD', '2018-04-01', null]);
    expect(afterStandard.get('AE_4HR_ALL|RR8|2018-03-01')?.standard?.validTo).toBe('2018-03-31');
    expect(april.analysis.points.map((p) => p.target).slice(-2)).toEqual([95, 90]);

    await targets.setLocalTarget(manager, 'r2', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL', ccgCode: '02V', effectiveFrom: '2018-07-01', target: 85.5, reason: 'Agreed at the July contract meeting' });
    await targets.setTrajectory(manager, 'r3', {
      organisationCode: 'RR8',
      indicatorCode: 'AE_4HR_ALL',
      ccgCode: '02V',
      reason: 'Winter recovery trajectory',
      months: [{ period: '2018-11-01', value: 86 }, { period: '2018-12-01', value: 87.5 }, { period: '2019-01-01', value: 89 }],
    });
    await targets.setSeriesBaseline(analyst, 'r4', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_TYPE1', fixAfterNPoints: 12, reason: 'The year before the new front door' });
    await targets.recordRebase(analyst, 'r5', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_TYPE1', rebaseDate: '2018-04-01', reason: 'New streaming pathway' });
    const after = await expectStoredEqualsComputed();
    expect([after.get('AE_4HR_ALL|RR8|2018-10-01')?.target, after.get('AE_4HR_ALL|RR8|2018-10-01')?.targetSource]).toEqual([85.5, 'LOCAL_TARGET']);
    expect([after.get('AE_4HR_ALL|RR8|2018-12-01')?.target, after.get('AE_4HR_ALL|RR8|2018-12-01')?.targetSource]).toEqual([87.5, 'TRAJECTORY']);
    expect(after.get('AE_4HR_ALL|RR8|2019-03-01')?.analysis.points.slice(-6).map((p) => p.target)).toEqual([85.5, 86, 87.5, 89, 85.5, 85.5]);
    const type1 = after.get('AE_4HR_TYPE1|RR8|2019-03-01') as IndicatorScore;
    expect(type1.fixAfterNPoints).toBe(12);
    expect(new Set(type1.analysis.points.map((p) => p.rebaseGroup))).toEqual(new Set([0, 1]));
    // Other series are untouched by these edits.
    expect(after.get('AE_4HR_ALL|RYJ|2019-03-01')).toEqual(afterStandard.get('AE_4HR_ALL|RYJ|2019-03-01'));
    expect(after.get('AE_4HR_TYPE1|RR8|2017-03-01')?.analysis.points.every((p) => p.rebaseGroup === 0)).toBe(true);

    // And removing them brings the scores back (to the 90% standard from April 2018).
    await targets.removeRebase(analyst, 'r6', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_TYPE1', rebaseDate: '2018-04-01', reason: 'Recorded on the wrong series' });
    await targets.setSeriesBaseline(analyst, 'r7', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_TYPE1', fixAfterNPoints: null, reason: 'Unfixed' });
    await targets.setTrajectory(manager, 'r8', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL', ccgCode: '02V', reason: 'Withdrawn', months: [] });
    await targets.removeLocalTarget(manager, 'r9', { organisationCode: 'RR8', indicatorCode: 'AE_4HR_ALL', ccgCode: '02V', effectiveFrom: '2018-07-01', reason: 'Superseded' });
    const restored = await expectStoredEqualsComputed();
    expect(restored.get('AE_4HR_TYPE1|RR8|2019-03-01')).toEqual(afterStandard.get('AE_4HR_TYPE1|RR8|2019-03-01'));
    expect(restored.get('AE_4HR_ALL|RR8|2019-03-01')).toEqual(afterStandard.get('AE_4HR_ALL|RR8|2019-03-01'));
  });
});

