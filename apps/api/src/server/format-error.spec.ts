import { GraphQLError } from 'graphql';
import { DomainError } from '@ccg-assure/domain';
import { AppError } from './app-error';
import { formatError } from './format-error';
import { createLogger } from './logger';

describe('formatError', () => {
  const lines: string[] = [];
  const logger = createLogger('info', {}, (line) => lines.push(line) > 0);
  const wrap = (original: Error) => new GraphQLError(original.message, { originalError: original, path: ['field'] });

  beforeEach(() => lines.splice(0));

  it('keeps an AppError code, reason and message', () => {
    const error = wrap(new AppError('CONFLICT', 'STALE_VERSION', 'Someone else changed this.'));
    expect(formatError({ message: 'x' }, error, logger, 'r1').extensions).toEqual({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    expect(lines).toEqual([]);
  });

  it('gives every refusal about input its field ids as details.fields, whether it named one field or several', () => {
    const one = wrap(new DomainError('INVALID_DATE', 'on must be a calendar date', { field: 'on', value: '2015-02-30' }));
    const several = wrap(new AppError('BAD_USER_INPUT', 'NEEDS_INPUT', 'Enter both.', { fields: ['allocation', 'priorYearRunningCosts'] }));
    const none = wrap(new AppError('NOT_FOUND', 'PLAN_NOT_FOUND', 'No such plan.', { planId: 'x' }));
    expect(formatError({ message: 'x' }, one, logger, 'r1').extensions?.details).toEqual({ field: 'on', value: '2015-02-30', fields: ['on'] });
    expect(formatError({ message: 'x' }, several, logger, 'r1').extensions?.details).toEqual({ fields: ['allocation', 'priorYearRunningCosts'] });
    expect(formatError({ message: 'x' }, none, logger, 'r1').extensions?.details).toEqual({ planId: 'x' });
  });

  it('maps a domain rule error to BAD_USER_INPUT with the domain code as reason', () => {
    const error = wrap(new DomainError('FINANCIAL_YEAR_UNKNOWN', 'No rule set for 2099/00.'));
    expect(formatError({ message: 'x' }, error, logger, 'r1')).toMatchObject({
      message: 'No rule set for 2099/00.',
      extensions: { code: 'BAD_USER_INPUT', reason: 'FINANCIAL_YEAR_UNKNOWN' },
    });
  });

  it('finds a domain error a custom scalar threw inside a variable, wrapped twice, and keeps the message naming the field', () => {
    const thrown = new DomainError('INVALID_MONEY', '"12.345" is not an amount of money.');
    const coercion = new GraphQLError(`Expected type "Money". ${thrown.message}`, { originalError: thrown });
    const variable = new GraphQLError(`Variable "$input" got invalid value "12.345" at "input.allocation"; ${coercion.message}`, { originalError: coercion });
    const outer = new GraphQLError(variable.message, { originalError: variable.originalError, extensions: { code: 'BAD_USER_INPUT' } });
    const formatted = formatError({ message: outer.message, extensions: { code: 'BAD_USER_INPUT' } }, outer, logger, 'r1');
    expect(formatted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_MONEY' });
    expect(formatted.message).toContain('input.allocation');
    expect(lines).toEqual([]);
  });

  it('masks an unexpected error, quotes the request id, and logs the original with it', () => {
    const formatted = formatError({ message: 'relation "secret_table" does not exist' }, wrap(new Error('relation "secret_table" does not exist')), logger, 'req-9');
    expect(formatted.message).not.toMatch(/secret_table/);
    expect(formatted.message).toMatch(/req-9/);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-9' });
    expect(JSON.parse(lines[0])).toMatchObject({ level: 'error', requestId: 'req-9', error: { message: 'relation "secret_table" does not exist' } });
  });

  it('passes Apollo request errors through with their code', () => {
    const formatted = formatError({ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('Cannot query field "nope"'), logger);
    expect(formatted).toMatchObject({ message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });
});
