import { SanctionLedgerEntryEntity } from './sanction-ledger-entry.entity';
import { SanctionLedgerEventEntity } from './sanction-ledger-event.entity';
import { SanctionScheduleEntity } from './sanction-schedule.entity';

/** The sanctions area's tables (decision 0023), listed in database/entities.ts. */
export const sanctionEntities = [SanctionScheduleEntity, SanctionLedgerEntryEntity, SanctionLedgerEventEntity];
