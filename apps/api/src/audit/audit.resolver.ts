import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { Access, roles } from '../auth/access';
import { Role } from '../auth/role';
import { AppError } from '../server/app-error';
import { decodeCursor, encodeCursor, pageSize } from '../server/pagination';
import type { RequestContext } from '../server/request-context';
import { AuditChainVerification } from './audit-chain.type';
import { AuditEventConnection, type AuditEvent } from './audit-event.type';
import type { AuditEventView } from './audit.service';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'The audit trail, newest first. Administrators only.' })
  @Access(roles(Role.ADMIN))
  async auditEvents(
    @Ctx() context: RequestContext,
    @Arg('first', () => Int, { nullable: true, description: 'How many events (1 to 200; default 50).' }) first?: number,
    @Arg('after', () => String, { nullable: true, description: 'Cursor after which to start (from pageInfo.endCursor).' }) after?: string,
  ): Promise<AuditEventConnection> {
    const afterId = decodeCursor(after);
    if (afterId !== null && !/^\d+$/.test(afterId)) throw new AppError('BAD_USER_INPUT', 'CURSOR_INVALID', 'The cursor is not one this server gave out.');
    const { rows, hasNextPage } = await context.services.audit.page(pageSize(first), afterId);
    return {
      edges: rows.map((row) => ({ cursor: encodeCursor(row.id), node: toAuditEvent(row) })),
      pageInfo: { hasNextPage, endCursor: rows.length ? encodeCursor(rows[rows.length - 1].id) : null },
    };
  }

  @Query(() => AuditChainVerification, {
    description: "Recomputes the audit trail's hash chain and names the first broken link (altered, deleted or inserted out of chain). Administrators only.",
  })
  @Access(roles(Role.ADMIN))
  async auditChainVerification(@Ctx() context: RequestContext): Promise<AuditChainVerification> {
    const view = await context.services.audit.verifyChain();
    return { ...view, rowsChecked: Number(view.rowsChecked) };
  }
}

/** An event of the audit trail as GraphQL shows it. */
const toAuditEvent = (view: AuditEventView): AuditEvent => ({
  id: view.id,
  occurredAt: view.occurredAt,
  actorUsername: view.actorUsername,
  action: view.action,
  entityType: view.entityType,
  entityId: view.entityId,
  before: view.before,
  after: view.after,
  requestId: view.requestId,
});
