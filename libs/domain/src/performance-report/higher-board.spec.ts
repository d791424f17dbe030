import { DomainError } from '../errors';
import { HIGHER_BOARD_KINDS, HIGHER_BOARD_KIND_LABELS, higherBoardFor, type OrganisationRelationshipRow } from './higher-board';

const rel = (kind: string, relatedCode: string, validFrom: string | null = null, validTo: string | null = null): OrganisationRelationshipRow => ({ kind, relatedCode, validFrom, validTo });

// NHS Leeds North CCG (02V, open 2013-04-01 to 2018-03-31) as the CCG hierarchy file holds it: one row, 2016/17, in the
// NHS England Yorkshire and Humber sub-region (Q72), North of England region (Y54), West Yorkshire STP.
const LEEDS_NORTH = [rel('IN_STP', 'E54000005', '2016-04-01', '2017-03-31'), rel('IN_AREA_TEAM', 'Q72', '2016-04-01', '2017-03-31'), rel('IN_REGION', 'Y54', '2016-04-01', '2017-03-31')];
// NHS Leeds CCG (15F): 2017/18 Q72 and Y54; 2018/19 Q72 and Y63 (North East and Yorkshire).
const LEEDS = [
  rel('IN_AREA_TEAM', 'Q72', '2017-04-01', '2018-03-31'),
  rel('IN_REGION', 'Y54', '2017-04-01', '2018-03-31'),
  rel('IN_AREA_TEAM', 'Q72', '2018-04-01', '2019-03-31'),
  rel('IN_REGION', 'Y63', '2018-04-01', '2019-03-31'),
];

describe('higherBoardFor', () => {
  it('is the area team the CCG was in that month', () => {
    expect(higherBoardFor('2016-11-01', LEEDS_NORTH)).toEqual({ kind: 'AREA_TEAM', organisationCode: 'Q72', lastKnown: false, explanation: 'The NHS England area team the CCG was in that month.' });
    expect(higherBoardFor('2019-03-01', LEEDS).organisationCode).toBe('Q72');
  });

  it('takes any day of the month, and a row in force on any day of it (both ends inclusive)', () => {
    expect(higherBoardFor('2017-03-31', LEEDS_NORTH)).toMatchObject({ organisationCode: 'Q72', lastKnown: false });
    expect(higherBoardFor('2016-04-17', LEEDS_NORTH)).toMatchObject({ organisationCode: 'Q72', lastKnown: false });
    const midMonth = [rel('IN_AREA_TEAM', 'QAA', '2014-01-01', '2014-05-10'), rel('IN_AREA_TEAM', 'QBB', '2014-05-11', null)];
    expect(higherBoardFor('2014-05-01', midMonth).organisationCode).toBe('QBB');
    expect(higherBoardFor('2014-04-01', midMonth).organisationCode).toBe('QAA');
    expect(higherBoardFor('2014-05-01', [rel('IN_AREA_TEAM', 'QAA', '2014-05-31', '2014-05-31')])).toMatchObject({ organisationCode: 'QAA', lastKnown: false });
    expect(higherBoardFor('2014-05-01', [rel('IN_AREA_TEAM', 'QAA', '2014-05-01', '2014-05-01')])).toMatchObject({ organisationCode: 'QAA', lastKnown: false });
  });

  it('when two rows cover the month, takes the one in force latest in it, whatever the rows’ order', () => {
    const ending = rel('IN_AREA_TEAM', 'QAA', '2013-04-01', '2014-05-10');
    const starting = rel('IN_AREA_TEAM', 'QBB', '2014-05-11', '2015-03-31');
    expect(higherBoardFor('2014-05-01', [ending, starting]).organisationCode).toBe('QBB');
    expect(higherBoardFor('2014-05-01', [starting, ending]).organisationCode).toBe('QBB');
    const sameSpan = [rel('IN_AREA_TEAM', 'QZZ', '2014-04-01', '2015-03-31'), rel('IN_AREA_TEAM', 'QAA', '2014-04-01', '2015-03-31')];
    expect(higherBoardFor('2014-05-01', sameSpan).organisationCode).toBe('QAA');
    expect(higherBoardFor('2014-05-01', [...sameSpan].reverse()).organisationCode).toBe('QAA');
    const laterStart = [rel('IN_AREA_TEAM', 'QAA', '2013-04-01', null), rel('IN_AREA_TEAM', 'QBB', '2014-04-01', null)];
    expect(higherBoardFor('2014-05-01', laterStart).organisationCode).toBe('QBB');
    expect(higherBoardFor('2014-05-01', [rel('IN_AREA_TEAM', 'QAA', null, '2015-03-31'), rel('IN_AREA_TEAM', 'QBB', '2014-04-01', '2015-03-31')]).organisationCode).toBe('QBB');
  });

  it('prefers a dated row to an undated one (present-day membership, true of an unknown span)', () => {
    const rows = [rel('IN_AREA_TEAM', 'QNOW'), rel('IN_AREA_TEAM', 'Q72', '2016-04-01', '2017-03-31')];
    expect(higherBoardFor('2017-01-01', rows).organisationCode).toBe('Q72');
    expect(higherBoardFor('2017-01-01', [...rows].reverse()).organisationCode).toBe('Q72');
    expect(higherBoardFor('2018-01-01', rows)).toMatchObject({ organisationCode: 'QNOW', lastKnown: false });
  });

  it('falls back to the region in force when no area team covers the month', () => {
    const rows = [rel('IN_AREA_TEAM', 'Q72', '2016-04-01', '2017-03-31'), rel('IN_REGION', 'Y54', '2016-04-01', null)];
    expect(higherBoardFor('2017-06-01', rows)).toEqual({
      kind: 'REGION',
      organisationCode: 'Y54',
      lastKnown: false,
      explanation: 'The NHS England region the CCG was in that month (no area team recorded for it).',
    });
  });

  it('when nothing covers the month, takes the last area team recorded before it: Leeds North in March 2018 is Q72, said so', () => {
    expect(higherBoardFor('2018-03-01', LEEDS_NORTH)).toEqual({
      kind: 'AREA_TEAM',
      organisationCode: 'Q72',
      lastKnown: true,
      explanation: 'The last NHS England area team recorded for the CCG (to 2017-03-31); none is recorded for that month.',
    });
    const older = [rel('IN_AREA_TEAM', 'QAA', '2013-04-01', '2014-03-31'), rel('IN_AREA_TEAM', 'QBB', '2014-04-01', '2015-03-31')];
    expect(higherBoardFor('2016-01-01', older)).toMatchObject({ organisationCode: 'QBB', lastKnown: true });
    expect(higherBoardFor('2016-01-01', [...older].reverse())).toMatchObject({ organisationCode: 'QBB', lastKnown: true });
  });

  it('then the last region recorded before the month', () => {
    expect(higherBoardFor('2018-03-01', [rel('IN_REGION', 'Y54', '2016-04-01', '2017-03-31')])).toEqual({
      kind: 'REGION',
      organisationCode: 'Y54',
      lastKnown: true,
      explanation: 'The last NHS England region recorded for the CCG (to 2017-03-31); no area team or region is recorded for that month.',
    });
  });

  it('never lets a later row speak for an earlier month', () => {
    expect(higherBoardFor('2015-06-01', LEEDS_NORTH)).toEqual({
      kind: 'NOT_KNOWN',
      organisationCode: null,
      lastKnown: false,
      explanation: 'No area team or region is recorded for the CCG in or before that month.',
    });
  });

  it('is the PCT Cluster Board before April 2013, named by no data, whatever the rows say', () => {
    const rows = [rel('IN_AREA_TEAM', 'QAA'), rel('IN_REGION', 'Y54')];
    for (const month of ['2013-03-01', '2012-04-15', '2013-03-31']) {
      const board = higherBoardFor(month, rows);
      expect(board).toMatchObject({ kind: 'PCT_CLUSTER', organisationCode: null, lastKnown: false });
      expect(board.explanation).toMatch(/PCT Cluster Board.*no PCT clusters/);
    }
    expect(higherBoardFor('2013-04-01', rows).kind).toBe('AREA_TEAM');
  });

  it('says NOT_KNOWN with no rows, or only rows of other kinds', () => {
    expect(higherBoardFor('2019-03-01', []).kind).toBe('NOT_KNOWN');
    expect(higherBoardFor('2017-03-01', [rel('IN_STP', 'E54000005'), rel('SUCCEEDED_BY', '15F', '2018-04-01', null)]).kind).toBe('NOT_KNOWN');
  });

  it('refuses a month or a relationship date that is not a calendar date', () => {
    for (const month of ['2018-03', '2018-02-30', '']) {
      let code: string | undefined;
      try {
        higherBoardFor(month, LEEDS_NORTH);
      } catch (error) {
        code = (error as DomainError).code;
      }
      expect(code).toBe('INVALID_DATE');
    }
    expect(() => higherBoardFor('2018-03-01', [rel('IN_AREA_TEAM', 'Q72', '2018/01/01', null)])).toThrow(DomainError);
    expect(() => higherBoardFor('2018-03-01', [rel('IN_AREA_TEAM', 'Q72', null, '31/03/2017')])).toThrow(DomainError);
    expect(() => higherBoardFor('2018-03-01', null as unknown as OrganisationRelationshipRow[])).toThrow(DomainError);
  });

  it('labels every kind in words', () => {
    for (const kind of HIGHER_BOARD_KINDS) expect(HIGHER_BOARD_KIND_LABELS[kind]).toMatch(/^[A-Z]/);
    expect(HIGHER_BOARD_KIND_LABELS.PCT_CLUSTER).toBe('PCT Cluster Board');
  });
});
