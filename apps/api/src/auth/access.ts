import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { Extensions } from 'type-graphql';
import { AppError, forbidden, unauthenticated } from '../server/app-error';
import type { RequestContext } from '../server/request-context';
import type { Role } from './role';
import { hasAnyRole } from './viewer';

/**
 * Who may call a root field. Every Query and Mutation field must declare one with `@Access`;
 * a field without one is refused at run time and fails the schema-walk test (default deny).
 * Object-level checks (which CCG's plan) stay in the services.
 */
export type AccessRule = { kind: 'PUBLIC' } | { kind: 'SIGNED_IN'; whilePasswordChangeRequired?: true } | { kind: 'ROLES'; roles: Role[] };

export const PUBLIC: AccessRule = { kind: 'PUBLIC' };
export const SIGNED_IN: AccessRule = { kind: 'SIGNED_IN' };
/**
 * Signed in, even while the account must change its one-time password: only `changePassword` and `signOut`
 * (with the PUBLIC `me`). Every other rule refuses such a viewer with PASSWORD_CHANGE_REQUIRED (issue 14).
 */
export const SIGNED_IN_EVEN_BEFORE_PASSWORD_CHANGE: AccessRule = { kind: 'SIGNED_IN', whilePasswordChangeRequired: true };

/** The refusal of a viewer who must change their one-time password first (also used by the upload route). */
export const passwordChangeRequired = () =>
  new AppError('FORBIDDEN', 'PASSWORD_CHANGE_REQUIRED', 'Change the one-time password you were given before you do anything else.');
export const roles = (...allowed: Role[]): AccessRule => ({ kind: 'ROLES', roles: allowed });

const ACCESS_KEY = 'access';

/** Declares the access rule of a root field; stored in the schema's field extensions. */
export function Access(rule: AccessRule): MethodDecorator & PropertyDecorator {
  return Extensions({ [ACCESS_KEY]: rule });
}

export function accessRuleOf(type: GraphQLObjectType, fieldName: string): AccessRule | undefined {
  return type.getFields()[fieldName]?.extensions?.[ACCESS_KEY] as AccessRule | undefined;
}

/**
 * Enforces the rule of every root field, refusing fields that have none (default deny). It wraps the
 * root fields' resolvers once, after the schema is built, rather than running as a global type-graphql
 * middleware: that would put every nested field of every answer through an async chain for a check
 * that only root fields need (measured in docs/benchmarks.md, "Provider scorecards").
 */
export function applyAccessRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, RequestContext> = field.resolve ?? defaultFieldResolver;
      const rule = accessRuleOf(type, field.name);
      const name = `${type.name}.${field.name}`;
      field.resolve = (source, args, context: RequestContext, info) => {
        checkAccess(rule, name, context);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}

function checkAccess(rule: AccessRule | undefined, fieldName: string, context: RequestContext): void {
  if (!rule) throw forbidden(`${fieldName} has no access rule, so it is refused.`);
  if (rule.kind === 'PUBLIC') return;
  if (!context.viewer) throw unauthenticated();
  if (context.viewer.mustChangePassword && !(rule.kind === 'SIGNED_IN' && rule.whilePasswordChangeRequired)) throw passwordChangeRequired();
  if (rule.kind === 'ROLES' && !hasAnyRole(context.viewer, rule.roles)) throw forbidden();
}
