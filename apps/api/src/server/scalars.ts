import { GraphQLError, GraphQLScalarType, Kind, print } from 'graphql';
import { DomainError, Money, Percentage, requireIsoDate, todayInEngland } from '@ccg-assure/domain';

/** A real calendar date written yyyy-mm-dd, as the domain's calendar decides; a GraphQL error otherwise. */
function checkDate(value: unknown): string {
  if (typeof value !== 'string') throw new GraphQLError('A Date must be a string such as "2016-04-01".');
  try {
    return requireIsoDate(value, 'date');
  } catch {
    throw new GraphQLError(`"${value}" is not a calendar date (YYYY-MM-DD).`);
  }
}

/** A calendar date without time or zone, as an ISO 8601 string (YYYY-MM-DD). */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date without time or time zone, as an ISO 8601 string: "2016-04-01".',
  // An instant given for a date is shown as the date it falls on in England.
  serialize: (value) => checkDate(value instanceof Date ? todayInEngland(value) : value),
  parseValue: checkDate,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A Date must be a string such as "2016-04-01".');
    return checkDate(ast.value);
  },
});

/**
 * Amounts of money are exact (STYLE.md "Money and rates"): the scalar carries the domain `Money` inside the
 * server and its wire format outside it, never a Float. A value that is not an amount throws the domain's
 * INVALID_MONEY error, and an input beyond what the database keeps MONEY_OUT_OF_RANGE (the domain's one bound),
 * which format-error.ts sends as BAD_USER_INPUT with that reason. Answers (totals) may exceed the bound.
 */
export const MoneyScalar = new GraphQLScalarType<Money, string>({
  name: 'Money',
  description:
    'An exact amount of pounds sterling, as a decimal string with at most two decimal places: "123456.78", "-5.00", "250000000". ' +
    'Always a string, never a number, so no penny is lost. Answers always carry exactly two decimals. ' +
    'As input, at most "999999999999.99" either way (BAD_USER_INPUT, MONEY_OUT_OF_RANGE beyond); "-0" is 0.',
  serialize: (value) => {
    if (value instanceof Money) return value.toString();
    // Only for a resolver that hands over text: checked, never passed through unread.
    if (typeof value === 'string') return Money.parse(value).toString();
    throw new TypeError(`Money cannot serialise ${typeof value}`);
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw notAString('INVALID_MONEY', 'An amount of money', '"123456.78"', JSON.stringify(value));
    return Money.parseStorable(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notAString('INVALID_MONEY', 'An amount of money', '"123456.78"', print(ast));
    return Money.parseStorable(ast.value);
  },
});

/** A percentage exactly as written, as the domain `Percentage`; INVALID_PERCENTAGE otherwise. */
export const PercentageScalar = new GraphQLScalarType<Percentage, string>({
  name: 'Percentage',
  description: 'An exact percentage as a decimal string, without the % sign: "2.5" means 2.5%. Always a string, never a number.',
  serialize: (value) => {
    if (value instanceof Percentage) return value.toString();
    if (typeof value === 'string') return Percentage.parse(value).toString();
    throw new TypeError(`Percentage cannot serialise ${typeof value}`);
  },
  parseValue: (value) => {
    if (typeof value !== 'string') throw notAString('INVALID_PERCENTAGE', 'A percentage', '"2.5"', JSON.stringify(value));
    return Percentage.parse(value);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw notAString('INVALID_PERCENTAGE', 'A percentage', '"2.5"', print(ast));
    return Percentage.parse(ast.value);
  },
});

/** A number literal would be read exactly here, but clients sending JSON numbers would not be: strings only, everywhere. */
function notAString(code: string, what: string, example: string, written: string): DomainError {
  return new DomainError(code, `${what} is written as a string, such as ${example}; got ${written}.`, { value: written });
}
