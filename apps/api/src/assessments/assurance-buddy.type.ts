import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '../server/scalars';

@ObjectType({ description: 'The CCG paired with a Limited-assurance CCG as a source of support ("buddying", seed 003).' })
export class AssuranceBuddy {
  /** Resolved through the organisation loader. */
  buddyCode!: string;

  @Field(() => DateScalar, { description: 'The day the buddy was assigned.' })
  assignedOn!: string;
}
