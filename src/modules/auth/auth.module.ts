import { TEXT, withMaxItems } from '../../kernel/text';
import { defineModule } from '../module';
import { createAuthLoaders } from './auth.loaders';
import { authPolicy } from './auth.policy';
import { AuthResolver } from './auth.resolver';
import { ApiKey } from './api-key.entity';
import { Organisation } from './organisation.entity';
import { ViewerResolver } from './viewer.resolver';

/** Partner organisations, their API keys and the caller itself (me). */
export const authModule = defineModule({
  name: 'auth',
  resolvers: [AuthResolver, ViewerResolver],
  entities: [Organisation, ApiKey],
  loaders: createAuthLoaders,
  policy: authPolicy,
  inputs: {
    'Mutation.createApiKey(name)': TEXT.NAME,
    'RegisterOrganisationInput.name': TEXT.NAME,
    'RegisterOrganisationInput.scopes': withMaxItems(TEXT.REGION_CODE, 20),
  },
});

declare module '../../context/loaders' {
  interface Loaders extends ReturnType<typeof createAuthLoaders> {}
}
