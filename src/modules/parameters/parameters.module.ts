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
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createParameterLoaders> {}
}
