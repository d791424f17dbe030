import { buildSchema, graphql, type GraphQLResolveInfo } from 'graphql';
import { selectsTotalCount } from './selection';

const schema = buildSchema(`
  type Query { things: ThingConnection! }
  type ThingConnection { totalCount: Int! edges: [Thing!]! }
  type Thing { name: String! totalCount: Int! }
`);

/** Whether `things` saw totalCount selected, for the operation and variables given. */
async function countAskedFor(source: string, variableValues?: Record<string, unknown>): Promise<boolean> {
  let asked: boolean | null = null;
  const rootValue = {
    things: (_args: unknown, _context: unknown, info: GraphQLResolveInfo) => {
      asked = selectsTotalCount(info);
      return { totalCount: 0, edges: [] };
    },
  };
  const result = await graphql({ schema, source, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  if (asked === null) throw new Error('things was not resolved');
  return asked;
}

describe('selectsTotalCount', () => {
  it.each([
    ['selected directly', '{ things { totalCount edges { name } } }', undefined, true],
    ['under an alias', '{ things { count: totalCount } }', undefined, true],
    ['not selected', '{ things { edges { name } } }', undefined, false],
    ['in an inline fragment', '{ things { ... on ThingConnection { totalCount } } }', undefined, true],
    ['in a named fragment', 'query { things { ...Counted } } fragment Counted on ThingConnection { totalCount }', undefined, true],
    ['skipped by a variable', 'query($skip: Boolean!) { things { totalCount @skip(if: $skip) edges { name } } }', { skip: true }, false],
    ['not skipped by a variable', 'query($skip: Boolean!) { things { totalCount @skip(if: $skip) } }', { skip: false }, true],
    ['left out by @include(if: false)', '{ things { totalCount @include(if: false) edges { name } } }', undefined, false],
    ['in a fragment left out', '{ things { ... @include(if: false) { totalCount } edges { name } } }', undefined, false],
    ['a field of the same name deeper down only', '{ things { edges { totalCount } } }', undefined, false],
  ])('is %s: %s', async (_case, source, variables, expected) => {
    expect(await countAskedFor(source, variables)).toBe(expected);
  });
});
