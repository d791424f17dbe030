import { Extensions, type MiddlewareFn } from 'type-graphql';
import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { forbidden, unauthenticated } from '../server/app-error';
import type { RequestContext } from '../server/request-context';
import type { Role } from './role';
import { hasAnyRole } from './viewer';

/**
 * Who may call a root field. Every Query and Mutation field must declare one with `@Access`;
 * a field without one is refused at run time and fails the schema-walk test (default deny).
 * Object-level checks (which CCG's plan) stay in the services.
 */
export type AccessRule = { kind: 'PUBLIC' } | { kind: 'SIGNED_IN' } | { kind: 'ROLES'; roles: Role[] };

export const PUBLIC: AccessRule = { kind: 'PUBLIC' };
export const SIGNED_IN: AccessRule = { kind: 'SIGNED_IN' };
export const roles = (...allowed: Role[]): AccessRule => ({ kind: 'ROLES', roles: allowed });

const ACCESS_KEY = 'access';

/** Declares the access rule of a root field; stored in the schema's field extensions. */
export function Access(rule: AccessRule): MethodDecorator & PropertyDecorator {
  return Extensions({ [ACCESS_KEY]: rule });
}

export function accessRuleOf(type: GraphQLObjectType, fieldName: string): AccessRule | undefined {
  return type.getFields()[fieldName]?.extensions?.[ACCESS_KEY] as AccessRule | undefined;
}

function isRootType(schema: GraphQLSchema, type: GraphQLObjectType): boolean {
  return type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
}

/** Global middleware: enforces the rule of every root field, refusing fields that have none. */
export const enforceAccess: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (!isRootType(info.schema, info.parentType)) return next();
  const rule = accessRuleOf(info.parentType, info.fieldName);
  if (!rule) throw forbidden(`${info.parentType.name}.${info.fieldName} has no access rule, so it is refused.`);
  if (rule.kind === 'PUBLIC') return next();
  if (!context.viewer) throw unauthenticated();
  if (rule.kind === 'ROLES' && !hasAnyRole(context.viewer, rule.roles)) throw forbidden();
  return next();
};
