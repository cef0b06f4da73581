import { all, type ModulePolicy } from '../policy/policy';
import { EVERYONE } from '../policy/role-groups';

/** The engine's answer types: whoever may call a sector's batch mutation reads its whole answer. */
export const syncPolicy: ModulePolicy = {
  types: {
    SyncResult: { rows: 'the batch just sent', fields: all(EVERYONE, 'created', 'updated', 'unchanged', 'retracted', 'rejected', 'discarded', 'replayed') },
    RecordError: { rows: 'as the batch', fields: all(EVERYONE, 'index', 'externalId', 'field', 'code', 'message') },
  },
};
