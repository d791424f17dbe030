import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Decision 0021: scores are computed when their values change and read as stored. A read path that computed them
// again (SPC, the standard in force, RAG) would silently undo that, so this test names the only places allowed to.

const src = path.resolve(__dirname, '..');
/** A call of a scoring function (mentions in comments do not count). */
const SCORING = /\b(analyseSpc|analyseSpcAsAtEachPeriod|scoreSeries|scoreSeriesAsAtEachMonth|evaluateRag|evaluateRagFromCounts)\(/;
/**
 * Where scoring may happen: the scores area writes them; scores-as-at.ts computes the points of a series asked as at
 * an earlier month than its latest (only the latest row stores them: decision 0021, amended for issue 19);
 * `spcAnalysis` analyses a series its caller gives.
 */
const ALLOWED = new Set(['scores/score-series.ts', 'scores/scores.service.ts', 'scores/scores-as-at.ts', 'scorecards/scorecards.resolver.ts']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !/\.(int-)?spec\.ts$/.test(entry.name) ? [full] : [];
  });
}

describe('read paths read stored scores', () => {
  it('computes SPC or RAG of a score only where scores are written, and in spcAnalysis', () => {
    const scoring = sourceFiles(src)
      .filter((file) => SCORING.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file).split(path.sep).join('/'));
    expect(scoring.filter((file) => !ALLOWED.has(file))).toEqual([]);
    expect(scoring.sort()).toEqual([...ALLOWED].sort());
  });

  it('analyses only the caller-given series in the scorecards resolver (spcAnalysis), never a stored one', () => {
    const resolver = readFileSync(path.join(src, 'scorecards/scorecards.resolver.ts'), 'utf8');
    expect(resolver.match(/analyseSpc\(/g)).toHaveLength(1);
    expect(resolver).toMatch(/const analysis = analyseSpc\(\{\s*points: input\.points/);
  });
});
