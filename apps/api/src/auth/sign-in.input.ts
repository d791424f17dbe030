import { Field, InputType } from 'type-graphql';
import { Length } from 'class-validator';

@InputType({ description: 'Credentials to sign in with.' })
export class SignInInput {
  @Field(() => String, { description: 'Username, for example demo-commissioning-manager.' })
  @Length(1, 80)
  username!: string;

  @Field(() => String, { description: 'Password.' })
  @Length(1, 256)
  password!: string;
}
