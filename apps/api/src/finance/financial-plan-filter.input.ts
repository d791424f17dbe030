import { IsOptional, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { FinancialPlanStatus } from './finance-enums';

@InputType({ description: 'Which financial plans to list. Every condition given must hold.' })
export class FinancialPlanFilter {
  @Field(() => String, { nullable: true, description: 'ODS code of an NHS England region (for example Y54): plans of CCGs in it, directly or through an area team, in any year.' })
  @IsOptional()
  @MaxLength(12)
  region?: string | null;

  @Field(() => FinancialPlanStatus, { nullable: true, description: 'Only plans whose latest version has this status.' })
  @IsOptional()
  status?: FinancialPlanStatus | null;

  @Field(() => Boolean, { nullable: true, description: 'Only plans whose latest version complies (true) or does not (false), flexes applied.' })
  @IsOptional()
  compliant?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Only plans with (true) or without (false) a financial warning from their latest forecast.' })
  @IsOptional()
  financialWarning?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Only plans of this financial year: "2015/16".' })
  @IsOptional()
  @MaxLength(20)
  financialYear?: string | null;

  @Field(() => String, { nullable: true, description: "Text found in the CCG's name or ODS code (case does not matter)." })
  @IsOptional()
  @MaxLength(100)
  search?: string | null;
}
