import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  execute,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isUnionType,
  isScalarType,
  parse,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema, Query, Resolver } from 'type-graphql';
import { accessRuleOf, applyAccessRules } from '../auth/access';
import { buildAppSchema, printAppSchema } from './build-schema';

const committedSchemaFile = path.resolve(__dirname, '../../schema.graphql');

describe('the GraphQL schema as a product', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildAppSchema();
  });

  it('matches the committed apps/api/schema.graphql (run `npm run schema:write` after a deliberate change)', async () => {
    expect(await printAppSchema()).toBe(readFileSync(committedSchemaFile, 'utf8'));
  });

  it('declares an access rule on every Query and Mutation field (default deny)', () => {
    const roots = [schema.getQueryType(), schema.getMutationType()].filter((type) => type != null);
    const missing = roots.flatMap((type) => Object.keys(type.getFields()).filter((field) => !accessRuleOf(type, field)).map((field) => `${type.name}.${field}`));
    expect(roots.length).toBe(2);
    expect(missing).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    const undocumented: string[] = [];
    const own = Object.values(schema.getTypeMap()).filter((type: GraphQLNamedType) => !type.name.startsWith('__'));
    for (const type of own) {
      if (isScalarType(type) && ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) continue;
      if (!type.description) undocumented.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) undocumented.push(`${type.name}.${field.name}`);
          if ('args' in field) for (const arg of field.args) if (!arg.description) undocumented.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) undocumented.push(`${type.name}.${value.name}`);
      if (isUnionType(type) && !type.description) undocumented.push(type.name);
    }
    expect(undocumented).toEqual([]);
  });
});

describe('default deny at run time', () => {
  @Resolver()
  class ForgottenResolver {
    @Query(() => String, { description: 'A field someone forgot to give an access rule.' })
    secret(): string {
      return 'leaked';
    }
  }

  it('refuses a root field that has no access rule, even for a signed-in admin', async () => {
    const schema = applyAccessRules(await buildSchema({ resolvers: [ForgottenResolver] }));
    const viewer = { userId: 'u', username: 'admin', displayName: 'Admin', roles: [{ role: 'ADMIN', organisationCode: 'X24' }] };
    const result = await execute({ schema, document: parse('{ secret }'), contextValue: { viewer } });
    expect(result.data).toBeNull();
    expect(result.errors?.[0].message).toMatch(/Query.secret has no access rule/);
    expect((result.errors?.[0].originalError as { code?: string }).code).toBe('FORBIDDEN');
  });
});
