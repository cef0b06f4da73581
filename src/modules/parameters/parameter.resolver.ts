import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../context/request-context';
import { ParameterName } from './parameter.enums';
import { formatParameterValue } from './parameter-value';
import { findParameterInForce, listParameters, setPolicyParameter, type ResolvedParameter } from './parameter.service';
import { PolicyParameterType, SetPolicyParameterInput } from './parameter.types';

@Resolver(() => PolicyParameterType)
export class PolicyParameterResolver {
  @Query(() => PolicyParameterType, {
    nullable: true,
    description: 'The value in force for a region code and year: the row with the longest matching prefix, then the latest fromYear; null when none is set',
  })
  policyParameter(
    @Ctx() ctx: RequestContext,
    @Arg('name', () => ParameterName) name: ParameterName,
    @Arg('regionCode', () => String, { description: 'A region code or prefix of 2 to 12 digits' }) regionCode: string,
    @Arg('year', () => Int) year: number,
  ): Promise<ResolvedParameter | null> {
    return findParameterInForce(ctx, name, regionCode, year);
  }

  @Query(() => [PolicyParameterType], {
    nullable: true,
    description: 'Parameter rows, by name and code first: for a region code, the rows that apply to it and the rows under it',
  })
  policyParameters(
    @Ctx() ctx: RequestContext,
    @Arg('name', () => ParameterName, { nullable: true }) name: ParameterName | undefined,
    @Arg('regionCode', () => String, { nullable: true }) regionCode: string | undefined,
  ): Promise<ResolvedParameter[]> {
    return listParameters(ctx, name ?? undefined, regionCode ?? undefined);
  }

  @Mutation(() => PolicyParameterType, { nullable: true, description: 'Sets a parameter for a region prefix inside your scopes, from a year; audited' })
  setPolicyParameter(@Ctx() ctx: RequestContext, @Arg('input', () => SetPolicyParameterInput) input: SetPolicyParameterInput): Promise<ResolvedParameter> {
    return setPolicyParameter(ctx, input);
  }

  @FieldResolver(() => String, { description: 'The value written in its unit: yuan "3430.00", a percentage "1.2", or a whole number' })
  value(@Root() parameter: ResolvedParameter): string {
    return formatParameterValue(parameter.unit, parameter.value);
  }
}
