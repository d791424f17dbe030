import { DomainError } from '../errors';
import { requirePerformanceReportTransition } from './performance-report-lifecycle';
import {
  isPubliclyReadableVersion,
  nextPerformanceReportVersion,
  planPerformanceReportCorrection,
  publicPerformanceReportVersion,
  versionsSupersededByPublishing,
  type PerformanceReportVersionSummary,
} from './report-versions';

const v = (version: number, status: PerformanceReportVersionSummary['status'], published = status === 'PUBLISHED'): PerformanceReportVersionSummary => ({ version, status, published });
const REASON = 'The trust resubmitted March A&E attendances';

function refusal(run: () => unknown): DomainError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
}

describe('report versions', () => {
  it('numbers the first version 1 and each next one more than the highest, whatever the order given', () => {
    expect(nextPerformanceReportVersion([])).toBe(1);
    expect(nextPerformanceReportVersion([v(1, 'SUPERSEDED', true)])).toBe(2);
    expect(nextPerformanceReportVersion([v(3, 'DRAFT'), v(1, 'SUPERSEDED', true), v(2, 'PUBLISHED')])).toBe(4);
  });

  it('refuses version lists that cannot be: a number twice, zero, negative or a fraction', () => {
    expect(refusal(() => nextPerformanceReportVersion([v(1, 'PUBLISHED'), v(1, 'DRAFT')]))?.code).toBe('DUPLICATE_REPORT_VERSION');
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(refusal(() => nextPerformanceReportVersion([v(bad, 'DRAFT')]))?.code).toBe('INVALID_REPORT_VERSION');
  });

  describe('a correction', () => {
    it('of a published version makes the next version a draft and leaves the published one public until the correction is published', () => {
      const versions = [v(1, 'PUBLISHED')];
      expect(planPerformanceReportCorrection(versions, 1, `  ${REASON} `)).toEqual({ supersedes: 1, version: 2, status: 'DRAFT', correctedVersionStatus: 'PUBLISHED', reason: REASON });
      expect(publicPerformanceReportVersion([...versions, v(2, 'DRAFT')])).toEqual(v(1, 'PUBLISHED'));
    });

    it('of a version returned by the higher board, or signed by the CCG only, supersedes it at once', () => {
      expect(planPerformanceReportCorrection([v(1, 'RETURNED_BY_HIGHER_BOARD')], 1, REASON)).toMatchObject({ version: 2, correctedVersionStatus: 'SUPERSEDED' });
      expect(planPerformanceReportCorrection([v(1, 'SUPERSEDED', true), v(2, 'SIGNED_BY_CCG')], 2, REASON)).toMatchObject({
        supersedes: 2,
        version: 3,
        correctedVersionStatus: 'SUPERSEDED',
      });
    });

    it('agrees with the lifecycle table on what the corrected version becomes', () => {
      for (const status of ['SIGNED_BY_CCG', 'PUBLISHED', 'RETURNED_BY_HIGHER_BOARD'] as const) {
        const row = requirePerformanceReportTransition(status, { action: 'CORRECT', reason: REASON }, ['ANALYST'], { today: '2019-01-01' });
        expect(planPerformanceReportCorrection([v(1, status)], 1, REASON).correctedVersionStatus).toBe(row.to);
      }
    });

    it('is of the latest version only: a correction already started is itself corrected, not its predecessor', () => {
      const error = refusal(() => planPerformanceReportCorrection([v(1, 'PUBLISHED'), v(2, 'DRAFT')], 1, REASON));
      expect(error?.code).toBe('CORRECTION_ALREADY_STARTED');
      expect(error?.details).toEqual({ version: 1, latest: 2 });
    });

    it('is refused for a version that does not exist, a draft or one awaiting the CCG (edit or return it instead), and a superseded one', () => {
      expect(refusal(() => planPerformanceReportCorrection([v(1, 'PUBLISHED')], 2, REASON))?.code).toBe('REPORT_VERSION_NOT_FOUND');
      expect(refusal(() => planPerformanceReportCorrection([], 1, REASON))?.code).toBe('REPORT_VERSION_NOT_FOUND');
      for (const status of ['DRAFT', 'READY_FOR_CCG'] as const) {
        const error = refusal(() => planPerformanceReportCorrection([v(1, status)], 1, REASON));
        expect(error?.code).toBe('INVALID_TRANSITION');
        expect(error?.details).toMatchObject({ from: status, action: 'CORRECT' });
      }
      expect(refusal(() => planPerformanceReportCorrection([v(1, 'SUPERSEDED', true)], 1, REASON))?.code).toBe('INVALID_TRANSITION');
    });

    it('needs a reason', () => {
      for (const reason of [undefined, null, '', '  ']) {
        const error = refusal(() => planPerformanceReportCorrection([v(1, 'PUBLISHED')], 1, reason));
        expect(error?.code).toBe('REASON_REQUIRED');
        expect(error?.details).toEqual({ action: 'CORRECT', fields: { reason: 'Correct the report (a new version) needs a reason.' } });
      }
    });
  });

  describe('supersession when a correction is published', () => {
    it('supersedes the earlier published version, and only earlier published ones', () => {
      expect(versionsSupersededByPublishing([v(1, 'PUBLISHED'), v(2, 'PUBLISHED')], 2)).toEqual([1]);
      expect(versionsSupersededByPublishing([v(2, 'PUBLISHED'), v(1, 'SUPERSEDED', true), v(3, 'PUBLISHED')], 3)).toEqual([2]);
      expect(versionsSupersededByPublishing([v(1, 'SUPERSEDED'), v(2, 'PUBLISHED')], 2)).toEqual([]);
      expect(versionsSupersededByPublishing([v(1, 'PUBLISHED')], 1)).toEqual([]);
    });
  });

  describe('the public version of a CCG and month', () => {
    it('is the published one; none while nothing is signed at both stages', () => {
      expect(publicPerformanceReportVersion([])).toBeNull();
      expect(publicPerformanceReportVersion([v(1, 'SIGNED_BY_CCG')])).toBeNull();
      expect(publicPerformanceReportVersion([v(1, 'RETURNED_BY_HIGHER_BOARD')])).toBeNull();
      expect(publicPerformanceReportVersion([v(1, 'PUBLISHED')])).toEqual(v(1, 'PUBLISHED'));
    });

    it('moves to the correction once it is published and the old one is superseded', () => {
      const before = [v(1, 'PUBLISHED'), v(2, 'SIGNED_BY_CCG')];
      expect(publicPerformanceReportVersion(before)?.version).toBe(1);
      const after = [v(1, 'SUPERSEDED', true), v(2, 'PUBLISHED')];
      expect(publicPerformanceReportVersion(after)?.version).toBe(2);
      // The moment between: both published until SYSTEM supersedes the old; the latest is the public one.
      expect(publicPerformanceReportVersion([v(2, 'PUBLISHED'), v(1, 'PUBLISHED')])?.version).toBe(2);
    });

    it('lets the public read the published version and earlier published ones since superseded, never a version the higher board did not sign', () => {
      expect(isPubliclyReadableVersion(v(1, 'PUBLISHED'))).toBe(true);
      expect(isPubliclyReadableVersion(v(1, 'SUPERSEDED', true))).toBe(true);
      expect(isPubliclyReadableVersion(v(1, 'SUPERSEDED', false))).toBe(false);
      for (const status of ['DRAFT', 'READY_FOR_CCG', 'SIGNED_BY_CCG', 'RETURNED_BY_HIGHER_BOARD'] as const) expect(isPubliclyReadableVersion(v(1, status))).toBe(false);
    });
  });

  it('follows a report through a return, a correction, publication, a second correction and its publication', () => {
    let versions: PerformanceReportVersionSummary[] = [v(1, 'RETURNED_BY_HIGHER_BOARD')];
    const first = planPerformanceReportCorrection(versions, 1, 'The higher board asked for the A&E commentary to be completed');
    versions = [v(1, first.correctedVersionStatus), v(first.version, first.status)];
    expect(versions).toEqual([v(1, 'SUPERSEDED'), v(2, 'DRAFT')]);
    versions = [v(1, 'SUPERSEDED'), v(2, 'PUBLISHED')];
    expect(versionsSupersededByPublishing(versions, 2)).toEqual([]);
    expect(publicPerformanceReportVersion(versions)?.version).toBe(2);
    const second = planPerformanceReportCorrection(versions, 2, REASON);
    versions = [v(1, 'SUPERSEDED'), v(2, second.correctedVersionStatus), v(second.version, 'PUBLISHED')];
    expect(versionsSupersededByPublishing(versions, 3)).toEqual([2]);
    versions = [v(1, 'SUPERSEDED'), v(2, 'SUPERSEDED', true), v(3, 'PUBLISHED')];
    expect(publicPerformanceReportVersion(versions)?.version).toBe(3);
    expect(versions.filter(isPubliclyReadableVersion).map((entry) => entry.version)).toEqual([2, 3]);
  });
});
