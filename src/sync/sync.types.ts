import { ArgsType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MoneyScalar } from '../graphql/money.scalar';

/** Why one record of a batch was not kept; partners branch on these, so they never change meaning. */
export enum RecordErrorCode {
  /** No registered person with this ID number in the caller's region: unknown, removed and out of scope alike. */
  NOT_FOUND = 'NOT_FOUND',
  /** The same externalId earlier in the batch. */
  DUPLICATE = 'DUPLICATE',
  /** A value that cannot be right whoever it is for: an ID number failing its check, a date in the future. */
  INVALID = 'INVALID',
  /** The person's age does not fit the record (aid for a stage the person is too young or too old for). */
  IMPLAUSIBLE_AGE = 'IMPLAUSIBLE_AGE',
  /** An amount above the policy's ceiling for its kind. */
  ABOVE_CEILING = 'ABOVE_CEILING',
}

registerEnumType(RecordErrorCode, {
  name: 'RecordErrorCode',
  description: 'Why a record of a batch was not kept',
  valuesConfig: {
    NOT_FOUND: { description: 'no registered person with this ID number in your region (unknown, removed or elsewhere: the same answer)' },
    DUPLICATE: { description: 'the same externalId earlier in this batch' },
    INVALID: { description: 'a value that cannot be right: an ID number failing its check, a date in the future, an unknown academic year' },
    IMPLAUSIBLE_AGE: { description: "the person's age does not fit the record" },
    ABOVE_CEILING: { description: "the amount is above the policy's ceiling for its kind" },
  },
});

@ObjectType('RecordError', { description: 'One record of a batch that was not kept, and why' })
export class RecordErrorType {
  @Field(() => Int, { description: 'Its place in the list sent, from 0' })
  index!: number;

  @Field(() => String, { nullable: true, description: 'Its externalId as sent' })
  externalId!: string | null;

  @Field(() => String, { nullable: true, description: 'The field at fault, e.g. "amount"; null for the record as a whole' })
  field!: string | null;

  @Field(() => RecordErrorCode)
  code!: RecordErrorCode;

  @Field(() => String)
  message!: string;
}

@ObjectType('SyncResult', { description: 'What a batch did: how many records it created, changed and found unchanged, and those it refused' })
export class SyncResultType {
  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int, { description: 'Records already held exactly as sent (a batch sent twice changes nothing)' })
  unchanged!: number;

  @Field(() => Int, { description: 'Records retracted by this call' })
  retracted!: number;

  @Field(() => [RecordErrorType])
  rejected!: RecordErrorType[];

  @Field(() => Boolean, { description: 'True when nothing was written: a dry run, or an atomic batch with a refused record' })
  discarded!: boolean;

  @Field(() => Boolean, { description: 'True when this is the stored answer of an earlier run with the same batchId' })
  replayed!: boolean;
}

/** How a batch is run: every sector's batch mutation takes these beside its records. */
@ArgsType()
export class SyncOptions {
  @Field(() => String, { nullable: true, description: 'Your id for this batch: sent again, the stored result of its first run is returned and nothing is written' })
  batchId?: string;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Keep nothing when any record is refused' })
  atomic!: boolean;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Validate and report what would happen, write nothing' })
  dryRun!: boolean;

  @Field(() => Int, { nullable: true, description: 'Control total: the number of records you sent; a mismatch refuses the batch' })
  expectedCount?: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'Control total: the sum of the amounts you sent, in yuan; a mismatch refuses the batch' })
  expectedAmount?: number;
}
