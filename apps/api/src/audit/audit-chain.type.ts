import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { describedValues, enumOf } from '../server/graphql-enums';
import type { AuditChainBreakKind as AuditChainBreakKindCode } from './audit.service';

const breakKinds: Record<AuditChainBreakKindCode, string> = {
  ALTERED: "The row's content does not match its hash: it was changed after it was written, or forged with a made-up hash.",
  DELETED: 'Chain positions are missing before this row: rows were deleted.',
  INSERTED_OUT_OF_CHAIN: 'The row has no chain position: it was written while the chain trigger was switched off.',
};

export const AuditChainBreakKind = enumOf(Object.keys(breakKinds) as AuditChainBreakKindCode[]);

registerEnumType(AuditChainBreakKind, {
  name: 'AuditChainBreakKind',
  description: 'How the audit hash chain is broken at a link.',
  valuesConfig: describedValues(breakKinds),
});

@ObjectType({ description: 'The first link of the audit hash chain that does not verify.' })
export class AuditChainBreak {
  @Field(() => AuditChainBreakKind, { description: 'What differs at this link.' })
  kind!: AuditChainBreakKindCode;

  @Field(() => String, {
    nullable: true,
    description: "Chain position (a whole number, as text) where the chain breaks: the altered row's, or the first missing one; null for a row outside the chain.",
  })
  position!: string | null;

  @Field(() => ID, { description: 'The audit event at which the chain breaks: the altered row, the first row after the missing ones, or the row outside the chain.' })
  eventId!: string;

  @Field(() => String, { description: 'The break in a sentence, for the operator.' })
  message!: string;
}

@ObjectType({ description: 'The result of recomputing the hash chain of the whole audit trail in the database.' })
export class AuditChainVerification {
  @Field(() => Boolean, { description: 'True when every row links to the one before it and no row is outside the chain.' })
  intact!: boolean;

  @Field(() => Int, { description: 'How many audit rows were checked.' })
  rowsChecked!: number;

  @Field(() => String, { nullable: true, description: 'Position of the last row of the chain (a whole number, as text); null when the trail is empty.' })
  headPosition!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Hash of the last row (sha256, hex). Record it outside the database: a later head that does not descend from it means the tail was rewritten.',
  })
  headHash!: string | null;

  @Field(() => AuditChainBreak, { nullable: true, description: 'The first broken link; null when the chain is intact.' })
  firstBreak!: AuditChainBreak | null;
}
