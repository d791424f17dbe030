import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function checkDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('A Date must be a string such as "2016-04-01".');
  const match = ISO_DATE.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
  if (!match || !date || date.toISOString().slice(0, 10) !== value) throw new GraphQLError(`"${value}" is not a calendar date (YYYY-MM-DD).`);
  return value;
}

/** A calendar date without time or zone, as an ISO 8601 string (YYYY-MM-DD). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, as an ISO 8601 string: "2016-04-01".',
  serialize: (value) => checkDate(value instanceof Date ? value.toISOString().slice(0, 10) : value),
  parseValue: checkDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date must be a string such as "2016-04-01".');
    return checkDate(ast.value);
  },
});
