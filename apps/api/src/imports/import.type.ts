import { MaxLength } from 'class-validator';
import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLDateTime, GraphQLJSON } from 'graphql-scalars';
import { PageInfo } from '../server/pagination';

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

export enum ImportPhase {
  READING = 'READING',
  CHECKING = 'CHECKING',
  SAVING = 'SAVING',
}
registerEnumType(ImportPhase, {
  name: 'ImportPhase',
  description: 'Where a running import stands.',
  valuesConfig: {
    READING: { description: 'Rows are streaming in and being checked one by one.' },
    CHECKING: { description: 'The last row was read: the file is checked as a whole (repeated rows).' },
    SAVING: { description: 'The file is valid: its rows are being merged with the data held.' },
  },
});

export enum ImportKindName {
  ETR = 'etr',
  ECCG = 'eccg',
  CCG_HIERARCHY = 'ccg-hierarchy',
  AE = 'ae',
  STAKEHOLDER_SURVEY = 'stakeholder-survey',
  INDICATOR_VALUES = 'indicator-values',
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
    INDICATOR_VALUES: {
      description:
        'Values of any indicator an administrator has defined (indicator_code, org_code, period as the first day of the period, numerator, denominator); the indicator and organisation must be known; new values added, changed ones corrected, others kept (decision 0031).',
    },
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

  @Field(() => Float, { description: 'Bytes of the file read so far (all of them once the import has ended).' })
  bytesRead!: number;

  @Field(() => ImportPhase, { nullable: true, description: 'Where the import stands while RUNNING; null once it has ended.' })
  phase!: ImportPhase | null;

  @Field(() => GraphQLDateTime, { nullable: true, description: 'When it ended; null while RUNNING.' })
  finishedAt!: Date | null;

  @Field(() => Float, { nullable: true, description: 'Seconds from start to end; null while RUNNING.' })
  durationSeconds!: number | null;

  @Field(() => String, { nullable: true, description: 'Identifier of the request that ran it: the audit rows of the values it changed carry the same one.' })
  requestId!: string | null;
}

@ObjectType({ description: 'An import and its cursor.' })
export class ImportBatchEdge {
  @Field(() => String, { description: 'Opaque cursor of this import.' })
  cursor!: string;

  @Field(() => ImportBatch, { description: 'The import.' })
  node!: ImportBatch;
}

@ObjectType({ description: 'A page of the import history, newest first.' })
export class ImportBatchConnection {
  @Field(() => [ImportBatchEdge], { description: 'The imports on this page, each with its cursor.' })
  edges!: ImportBatchEdge[];

  @Field(() => [ImportBatch], { description: 'The imports on this page.' })
  nodes!: ImportBatch[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many imports match the filter in all.' })
  totalCount!: number;
}

@ObjectType({ description: 'One change an import made to the data held, as the audit trail recorded it.' })
export class ImportChange {
  @Field(() => ID, { description: 'Sequence number of the audit event.' })
  id!: string;

  @Field(() => String, { description: 'What was done, for example UPDATE_INDICATOR_VALUE, DELETE_INDICATOR_VALUE or CREATE_ORGANISATION.' })
  action!: string;

  @Field(() => String, { description: 'The kind of thing changed, for example indicator_value or organisation.' })
  entityType!: string;

  @Field(() => String, { description: 'Identifier of the thing changed (an indicator value: indicator/organisation/period id).' })
  entityId!: string;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values before (null for a creation).' })
  before!: unknown;

  @Field(() => GraphQLJSON, { nullable: true, description: 'The changed values after (null for a removal).' })
  after!: unknown;
}

@ObjectType({ description: 'A change and its cursor.' })
export class ImportChangeEdge {
  @Field(() => String, { description: 'Opaque cursor of this change.' })
  cursor!: string;

  @Field(() => ImportChange, { description: 'The change.' })
  node!: ImportChange;
}

@ObjectType({ description: 'A page of the changes an import made, in the order it made them.' })
export class ImportChangeConnection {
  @Field(() => [ImportChangeEdge], { description: 'The changes on this page, each with its cursor.' })
  edges!: ImportChangeEdge[];

  @Field(() => [ImportChange], { description: 'The changes on this page.' })
  nodes!: ImportChange[];

  @Field(() => PageInfo, { description: 'Paging information.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: 'How many changes the import made in all.' })
  totalCount!: number;
}
