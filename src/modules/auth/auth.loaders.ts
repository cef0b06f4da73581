import DataLoader from 'dataloader';
import type { RequestContext } from '../../context/request-context';
import { Organisation } from './organisation.entity';

export function createAuthLoaders(ctx: RequestContext) {
  return {
    /** The author of a trace, shown whatever its scope: who acted is part of the trace. */
    organisationById: new DataLoader<number, Organisation>(async (ids) => {
      const rows = await ctx.em.find(Organisation, { id: { $in: [...ids] } });
      const byId = new Map(rows.map((o) => [o.id, o]));
      return ids.map((id) => byId.get(id) ?? new Error(`organisation ${id} is missing`));
    }),
  };
}
