import { Kind } from 'graphql';
import { DateScalar } from './scalars';

describe('the Date scalar', () => {
  it('takes real calendar dates written yyyy-mm-dd, from variables and from the query text', () => {
    expect(DateScalar.parseValue('2016-02-29')).toBe('2016-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2016-04-01' })).toBe('2016-04-01');
  });

  it.each(['2015-02-29', '2016-13-01', '2016-4-1', '01/04/2016', ''])('refuses %j as not a calendar date', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(`"${value}" is not a calendar date (YYYY-MM-DD).`);
  });

  it('refuses anything but a string', () => {
    expect(() => DateScalar.parseValue(20160401)).toThrow('A Date must be a string such as "2016-04-01".');
    expect(() => DateScalar.parseLiteral({ kind: Kind.INT, value: '20160401' })).toThrow('A Date must be a string such as "2016-04-01".');
  });

  it('shows an instant as the date it falls on in England, not in UTC (00:30 BST is still the next day)', () => {
    expect(DateScalar.serialize(new Date('2016-06-30T23:30:00Z'))).toBe('2016-07-01');
    expect(DateScalar.serialize(new Date('2016-12-31T23:30:00Z'))).toBe('2016-12-31');
    expect(DateScalar.serialize('2016-04-01')).toBe('2016-04-01');
  });
});
