import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildSchema, Kind, validate, type DocumentNode, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GRAPHQL_LIMITS, graphqlLimits } from './graphql-limits';

const root = path.resolve(__dirname, '../../../..');
const schema = buildSchema(readFileSync(path.join(root, 'apps/api/schema.graphql'), 'utf8'));

/** Every operation the web app sends, as codegen wrote it (with its fragments). */
function webOperations(): { name: string; document: DocumentNode }[] {
  const source = readFileSync(path.join(root, 'apps/web/src/gql/graphql.ts'), 'utf8');
  return [...source.matchAll(/^export const (\w+)Document = (\{"kind":"Document".*\}) as unknown as DocumentNode/gm)].map((match) => ({
    name: match[1],
    document: JSON.parse(match[2]) as DocumentNode,
  }));
}

/** The depth, aliases and cost graphql-armor measures for a document. */
function measure(document: DocumentNode): { depth: number; aliases: number; cost: number } {
  const seen = { depth: 0, aliases: 0, cost: 0 };
  const keep = (key: keyof typeof seen) => [(_context: ValidationContext | null, details: { n: number }) => void (seen[key] = Math.max(seen[key], details.n))];
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: Infinity, flattenFragments: true, onAccept: keep('depth'), propagateOnRejection: false },
    maxAliases: { n: Infinity, onAccept: keep('aliases'), propagateOnRejection: false },
    costLimit: { maxCost: Infinity, flattenFragments: true, onAccept: keep('cost'), propagateOnRejection: false },
    maxDirectives: { enabled: false },
  }).protect();
  validate(schema, document, validationRules as ValidationRule[]);
  return seen;
}

describe('GraphQL limits against the web app', () => {
  const operations = webOperations();

  it('finds the web app operations codegen wrote', () => {
    expect(operations.filter(({ document }) => document.definitions.some((d) => d.kind === Kind.OPERATION_DEFINITION)).length).toBeGreaterThan(20);
  });

  it('lets every web app operation pass, with a margin on each limit', () => {
    const heaviest = { depth: 0, aliases: 0, cost: 0 };
    for (const { document } of operations) {
      const seen = measure(document);
      for (const key of Object.keys(heaviest) as (keyof typeof heaviest)[]) heaviest[key] = Math.max(heaviest[key], seen[key]);
      const errors: readonly GraphQLError[] = validate(schema, document, graphqlLimits().validationRules);
      expect(errors).toEqual([]);
    }
    expect(heaviest.depth).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxDepth - 5);
    expect(heaviest.aliases).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxAliases / 2);
    expect(heaviest.cost).toBeLessThanOrEqual(GRAPHQL_LIMITS.maxCost / 2);
    // The measured values, quoted in docs/security.md; update both when the web app grows.
    expect(heaviest).toMatchSnapshot();
  });
});
