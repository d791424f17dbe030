import { MaxLength } from 'class-validator';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime } from 'graphql-scalars';

export enum ImportOutcome {
  SUCCEEDED = 'SUCCEEDED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
  RUNNING = 'RUNNING',
  INTERRUPTED = 'INTERRUPTED',
}
registerEnumType(ImportOutcome, {
  name: 'ImportOutcome',
  description: 'What an import did.',
  valuesConfig: {
    SUCCEEDED: { description: 'The file was loaded and changed data.' },
    UNCHANGED: { description: 'The file was valid and matched the data already held: nothing changed.' },
    REJECTED: { description: 'At least one row was bad: nothing from the file was saved.' },
    RUNNING: { description: 'The import is in progress: nothing from the file is visible until it ends.' },
    INTERRUPTED: { description: 'The import was cut short (the server stopped or lost its database): nothing from the file was saved.' },
  },
});

export enum ImportKindName {
  ETR = 'etr',
  ECCG = 'eccg',
  CCG_HIERARCHY = 'ccg-hierarchy',
  AE = 'ae',
  STAKEHOLDER_SURVEY = 'stakeholder-survey',
}
registerEnumType(ImportKindName, {
  name: 'ImportKind',
  description: 'The kind of national data file.',
  valuesConfig: {
    ETR: { description: 'ODS NHS trusts list (etr).' },
    ECCG: { description: 'ODS commissioners list (eccg).' },
    CCG_HIERARCHY: { description: 'CCG hierarchy by financial year (CCG, STP, sub-region, region, registered patients).' },
    AE: { description: 'Monthly A&E attendances return (period, org_code, type, attendances, breaches, admissions).' },
    STAKEHOLDER_SURVEY: { description: '360-degree stakeholder survey results (survey_year, ccg_code, question_code, question, percentage_positive 0-100); every CCG code must be a known CCG.' },
  },
});

@InputType({ description: 'A CSV file to import, sent as text.' })
export class ImportDataInput {
  @Field(() => ImportKindName, { description: 'The kind of file.' })
  kind!: ImportKindName;

  @Field(() => String, { description: 'The file name, kept in the import history.' })
  @MaxLength(255)
  fileName!: string;

  @Field(() => String, { description: 'The whole CSV text, header first; the request must fit the 1 MB limit of /graphql (larger files: POST /imports/<kind>, or the command-line importer).' })
  content!: string;
}

@ObjectType({ description: 'A bad row of an imported file.' })
export class ImportRowError {
  @Field(() => Int, { description: 'Line number in the file (the header is line 1).' })
  line!: number;

  @Field(() => String, { description: 'What is wrong with it.' })
  reason!: string;
}

@ObjectType({ description: 'One import of a file, refused or not.' })
export class ImportBatch {
  @Field(() => ID, { description: 'Identifier of the import.' })
  id!: string;

  @Field(() => ImportKindName, { description: 'The kind of file.' })
  kind!: ImportKindName;

  @Field(() => String, { description: 'The file name given.' })
  fileName!: string;

  @Field(() => String, { description: 'SHA-256 of the file’s bytes.' })
  fileSha256!: string;

  @Field(() => ImportOutcome, { description: 'What the import did.' })
  outcome!: ImportOutcome;

  @Field(() => GraphQLDateTime, { description: 'When it started.' })
  startedAt!: Date;

  @Field(() => Int, { description: 'Data rows read.' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Bad rows (all of them; `errors` lists the first thousand).' })
  rowsRejected!: number;

  @Field(() => Int, { description: 'Records added.' })
  inserted!: number;

  @Field(() => Int, { description: 'Records changed.' })
  updated!: number;

  @Field(() => Int, { description: 'Records removed (values of a corrected month no longer in the file).' })
  deleted!: number;

  @Field(() => [ImportRowError], { description: 'The bad rows, in file order.' })
  errors!: ImportRowError[];

  @Field(() => String, { nullable: true, description: 'Who ran it.' })
  actorUsername!: string | null;
}
