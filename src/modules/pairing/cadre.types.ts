import { LocalDateResolver } from 'graphql-scalars';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../graphql/pagination';

@ObjectType('Cadre', { description: "A cadre 帮扶责任人 of a backing unit 后盾单位, paired with at most PAIRING_LIMIT households (每名帮扶责任人结对不超过5户)" })
export class CadreType {
  @Field(() => ID)
  id!: number;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Post in the unit 职务' })
  title!: string | null;

  @Field(() => Boolean, { description: "The unit's head 后盾单位主要负责人, who is to visit each of the unit's villages once a quarter" })
  unitHead!: boolean;

  @Field(() => Int, { description: 'Households paired with this cadre now' })
  activePairings!: number;
}

@ObjectType('CadrePairing', { description: 'A cadre paired with a household 结对帮扶; it ends (with a reason), never disappears, so the household keeps its history' })
export class CadrePairingType {
  @Field(() => ID)
  id!: number;

  @Field(() => LocalDateResolver)
  since!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day of the pairing; null while it lasts' })
  endedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it ended (调整帮扶责任人, 退出, …)' })
  endReason!: string | null;
}

@ObjectType('PairingVisit', { description: 'A visit 入户走访 to a paired household (帮扶干部每月下村入户走访不少于1次)' })
export class PairingVisitType {
  @Field(() => ID)
  id!: number;

  @Field(() => LocalDateResolver)
  date!: string;

  @Field(() => String, { description: 'What the visit found 走访情况' })
  findings!: string;

  @Field(() => String, { description: 'Measures discussed with the household 帮扶措施' })
  measuresDiscussed!: string;

  @Field(() => Boolean, { description: "The unit's head 主要负责人 came on this visit" })
  unitHeadPresent!: boolean;

  @Field(() => String, { description: 'The id its writer keeps for it, by which it is retracted (retractVisits): as sent, or made by logVisit when none was' })
  externalId!: string;
}

@ObjectType('WorkTeam', { description: 'A village work team 驻村工作队 of a backing unit, led by its first secretary 第一书记' })
export class WorkTeamType {
  @Field(() => ID)
  id!: number;

  @Field(() => LocalDateResolver)
  since!: string;

  @Field(() => LocalDateResolver, { nullable: true, description: 'Last day; null while the team is in the village' })
  endedOn!: string | null;
}

@InputType('CadreInput', { description: 'A cadre 帮扶责任人 of a backing unit' })
export class CadreInput {
  @Field(() => ID, { description: 'The backing unit 后盾单位 (an organisation of role BACKING_UNIT)' })
  unitId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Post in the unit 职务' })
  title?: string | null;

  @Field(() => Boolean, { nullable: true, description: "The unit's head 主要负责人" })
  unitHead?: boolean | null;
}

@InputType('VisitInput', { description: 'A visit 入户走访 to a paired household' })
export class VisitInput {
  @Field(() => ID)
  pairingId!: string;

  @Field(() => LocalDateResolver, { description: 'Day of the visit, within the pairing and not in the future' })
  date!: string;

  @Field(() => String, { description: 'What the visit found 走访情况' })
  findings!: string;

  @Field(() => String, { description: 'Measures discussed 帮扶措施' })
  measuresDiscussed!: string;

  @Field(() => Boolean, { nullable: true, description: "The unit's head 主要负责人 came (后盾单位主要负责人每季度至少到村1次)" })
  unitHeadPresent?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Your own id for this visit, to retract it by (retractVisits); made for you (logVisit:…) when absent, and answered either way. One already used is refused' })
  externalId?: string | null;
}

export const CadreConnection = ConnectionType(CadreType, 'Cadre', 'A page of cadres');
export const CadrePairingConnection = ConnectionType(CadrePairingType, 'CadrePairing', 'A page of cadre pairings');
export const WorkTeamConnection = ConnectionType(WorkTeamType, 'WorkTeam', 'A page of village work teams');

@InputType('VisitRecord', { description: 'A visit 入户走访 as a cadre logs it from the field, sent in batches (recordVisits)' })
export class VisitRecord extends VisitInput {
  @Field(() => String, { description: 'Your own id for this visit: sending it again updates it, or changes nothing' })
  override externalId!: string;
}
