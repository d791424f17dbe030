import { Field, ID, ObjectType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from '../server/pagination';

@ObjectType({ description: 'One change to data, recorded in the same transaction as the change. Never altered.' })
export class AuditEvent {
  @Field(() => ID, { description: 'Sequence number of the event.' })
  id!: string;

  @Field(() => GraphQLDateTime, { description: 'When the change was made (UTC).' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Username of whoever made the change; null for the system.' })
  actorUsername!: string | null;

  @Field(() => String, { description: 'What was done, for example SIGN_IN.' })
  action!: string;

  @Field(() => String, { description: 'The kind of thing changed, for example session.' })
  entityType!: string;

  @Field(() => String, { description: 'Identifier of the thing changed.' })
  entityId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values before the change.' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values after the change.' })
  after!: unknown;

  @Field(() => String, { nullable: true, description: 'Identifier of the request that made the change (also in the server logs).' })
  requestId!: string | null;
}

@ObjectType({ description: 'An audit event and its cursor.' })
export class AuditEventEdge {
  @Field(() => String, { description: 'Opaque cursor of this event.' })
  cursor!: string;

  @Field(() => AuditEvent, { description: 'The audit event.' })
  node!: AuditEvent;
}

@ObjectType({ description: 'A page of audit events, newest first.' })
export class AuditEventConnection {
  @Field(() => [AuditEventEdge], { description: 'The events on this page.' })
  edges!: AuditEventEdge[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;
}
