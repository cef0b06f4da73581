import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { LocalDateResolver } from 'graphql-scalars';
import { MoneyScalar } from '../../graphql/money.scalar';
import { Role } from '../../kernel/role';
import { DonationKind, DonationTarget } from './donation.enums';

@InputType('DonationRecord', { description: 'One gift 捐赠 of a CPPCC committee group 政协委组 or a business association, chamber or enterprise 工商联·商会·经促会·企业' })
export class DonationRecord {
  @Field(() => String, { description: 'Your own id for this gift: sending it again updates it, or changes nothing' })
  externalId!: string;

  @Field(() => DonationTarget)
  target!: DonationTarget;

  @Field(() => String, { nullable: true, description: 'The village 村 (12-digit code) given to, or whose project it is; not for a household, whose number says its village' })
  villageCode?: string | null;

  @Field(() => String, { nullable: true, description: 'HOUSEHOLD only, and required there: the household number 户编号 of the register (never an ID number)' })
  householdNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'PROJECT only, and required there: the project 项目名称' })
  project?: string | null;

  @Field(() => DonationKind)
  kind!: DonationKind;

  @Field(() => MoneyScalar, { description: 'In yuan, more than 0: the cash given, or the valuation 折价 of goods' })
  amount!: number;

  @Field(() => String, { nullable: true, description: 'IN_KIND only, and required there: the goods 物资 (化肥 2 吨, 鸡苗 500 羽)' })
  description?: string | null;

  @Field(() => String, { description: 'What it is for 用途, as the public notice shows it' })
  purpose!: string;

  @Field(() => LocalDateResolver, { description: 'Day given 捐赠日期; not in the future' })
  date!: string;

  @Field(() => String, { description: 'Receipt number 捐赠票据号 (公益事业捐赠票据 or the village’s receipt)' })
  receiptNumber!: string;
}

@ObjectType('Donation', { description: 'A gift 捐赠 as its donor recorded it' })
export class DonationType {
  @Field(() => String)
  externalId!: string;

  @Field(() => String, { description: 'The donor 捐赠单位' })
  donor!: string;

  @Field(() => DonationTarget)
  target!: DonationTarget;

  @Field(() => String, { description: 'The village 村 given to, or of the household or project' })
  villageCode!: string;

  @Field(() => String, { nullable: true, description: 'The household number 户编号 of a gift to a household' })
  householdNumber!: string | null;

  @Field(() => String, { nullable: true })
  project!: string | null;

  @Field(() => DonationKind)
  kind!: DonationKind;

  @Field(() => MoneyScalar, { description: 'Cash given or goods’ valuation, yuan' })
  amount!: number;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String)
  purpose!: string;

  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => String)
  receiptNumber!: string;
}

@ObjectType('DonationTotal', { description: 'A donor’s gifts of a year against the CPPCC plan’s recognition threshold 评优标准 (seed 003)' })
export class DonationTotalType {
  @Field(() => String, { description: 'The donor 捐赠单位' })
  donor!: string;

  @Field(() => Role, { description: 'CPPCC: a committee group 委组; BUSINESS_ASSOCIATION: a sub-association, chamber or enterprise' })
  role!: Role;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Gifts counted (retracted ones are not)' })
  count!: number;

  @Field(() => MoneyScalar, { description: 'Cash and goods’ valuation together 帮扶资金、物资, yuan' })
  amount!: number;

  @Field(() => MoneyScalar)
  cash!: number;

  @Field(() => MoneyScalar)
  inKind!: number;

  @Field(() => MoneyScalar, { nullable: true, description: 'The threshold in force (DONATION_AWARD_COMMITTEE_GROUP or DONATION_AWARD_ASSOCIATION), null where none is set' })
  threshold!: number | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether amount reaches the threshold 达标; null where none is set' })
  met!: boolean | null;
}

@ObjectType('DonationNoticeEntry', {
  description:
    'A line of a village’s public notice 公告公示: a gift to the village or a project, or one donor’s gifts of the year to households of the village, never naming a household',
})
export class DonationNoticeEntryType {
  @Field(() => String)
  donor!: string;

  @Field(() => DonationTarget)
  target!: DonationTarget;

  @Field(() => String, { nullable: true })
  project!: string | null;

  @Field(() => DonationKind, { nullable: true, description: 'Null for households’ lines, which add cash and goods' })
  kind!: DonationKind | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Households’ lines: how many households 户数; null when withheld' })
  households!: number | null;

  @Field(() => MoneyScalar, { nullable: true, description: 'Yuan; null when withheld 小数抑制: computed from fewer households than SMALL_CELL_MIN_HOUSEHOLDS' })
  amount!: number | null;

  @Field(() => String, { nullable: true, description: 'Purpose 用途; households’ lines give each purpose once; null when withheld' })
  purpose!: string | null;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Day given; households’ lines the last day; null when withheld' })
  date!: string | null;

  @Field(() => Boolean, { description: 'True when the figures are withheld 数据不予公示' })
  withheld!: boolean;
}

@ObjectType('DonationNotice', { description: 'A village’s public notice of gifts of a year 社会扶贫捐赠公告公示, readable by every role' })
export class DonationNoticeType {
  @Field(() => String)
  villageCode!: string;

  @Field(() => String)
  villageName!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: 'Fewest households a households’ line is shown for (SMALL_CELL_MIN_HOUSEHOLDS in force, 3 where none is set)' })
  minHouseholds!: number;

  @Field(() => [DonationNoticeEntryType])
  entries!: DonationNoticeEntryType[];

  @Field(() => String, { description: 'The notice as CSV (UTF-8, a header line, one line per entry) for posting 张榜公示: the same lines, so it withholds what they withhold' })
  csv!: string;
}
