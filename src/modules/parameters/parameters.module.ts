import { Migration20261123030000_policy_parameters } from '../../../migrations/Migration20261123030000_policy_parameters';
import { TEXT } from '../../kernel/text';
import { defineModule } from '../module';
import { PolicyParameter } from './parameter.entity';
import { PolicyParameterResolver } from './parameter.resolver';
import { createParameterLoaders } from './parameter.service';
import { parametersPolicy } from './parameters.policy';

/** Policy parameters (poverty line, loan ceiling, ...) as data, by region and year. */
export const parametersModule = defineModule({
  name: 'parameters',
  resolvers: [PolicyParameterResolver],
  entities: [PolicyParameter],
  loaders: createParameterLoaders,
  policy: parametersPolicy,
  inputs: {
    'Query.policyParameter(regionCode)': TEXT.REGION_CODE,
    'Query.policyParameters(regionCode)': TEXT.REGION_CODE,
    'SetPolicyParameterInput.regionPrefix': TEXT.REGION_CODE,
    'SetPolicyParameterInput.value': TEXT.DECIMAL,
    'SetPolicyParameterInput.source': TEXT.SOURCE,
  },
  migrations: [Migration20261123030000_policy_parameters],
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createParameterLoaders> {}
}
