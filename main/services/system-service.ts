// Answers "what am I connected to": version, host kind, the store and its database.
import type { HostKind, SystemStatus } from '../../native-bridge/contract/dto';
import type { StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';

export interface SystemService {
  status(): SystemStatus;
}

export function createSystemService(deps: { version: string; host: HostKind; store: StoreModel; db: StoreDatabase; startedAt: Date }): SystemService {
  const { layout } = deps.store;
  return {
    status: () => ({
      version: deps.version,
      host: deps.host,
      store: { id: layout.id, name: layout.name, currency: layout.currency, timezone: layout.timezone },
      database: { path: deps.db.path, schemaVersion: deps.db.schemaVersion, sizeBytes: deps.db.sizes().sizeBytes },
      startedAt: deps.startedAt.toISOString(),
    }),
  };
}
