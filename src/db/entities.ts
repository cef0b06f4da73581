import { AccessLogEntry } from '../modules/audit/access-log-entry.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { Trace } from '../modules/audit/trace.entity';
import { ApiKey } from '../modules/auth/api-key.entity';
import { Organisation } from '../modules/auth/organisation.entity';
import { HouseholdIdentification } from '../modules/households/household-identification.entity';
import { HouseholdStatusChange } from '../modules/households/household-status-change.entity';
import { Household } from '../modules/households/household.entity';
import { Member } from '../modules/households/member.entity';
import { OrganisationPairing } from '../modules/pairing/organisation-pairing.entity';
import { PolicyParameter } from '../modules/parameters/parameter.entity';
import { Region } from '../modules/regions/region.entity';

/** Every entity of every module: listed, not discovered by glob, so builds and tests see the same set. */
export const entities = [Region, Organisation, ApiKey, Household, Member, HouseholdIdentification, HouseholdStatusChange, OrganisationPairing, PolicyParameter, Trace, AuditEntry, AccessLogEntry];
