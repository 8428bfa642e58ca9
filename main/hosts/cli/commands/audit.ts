// `walkout audit verify`: recomputes the audit log's hash chain from the stored rows and says
// whether it is intact, or which entry is the first broken link and why. Opens the database read
// only, so checking a store never changes it (and works beside a running host).
import { join } from 'node:path';
import type { Command } from 'commander';
import { defaultDataDir } from '../../../app/config';
import { openStoreDatabase, type AuditVerification } from '../../../db';
import { loadStore } from '../../../store/load';
import { resolveStoreDir } from '../store-option';

export interface AuditVerifyOptions {
  store: string;
  dataDir: string;
  /** A database file to check instead of the store's own in the data folder. */
  db?: string;
  json?: boolean;
}

export function verifyStoreAudit(options: Pick<AuditVerifyOptions, 'store' | 'dataDir' | 'db'>): { path: string; result: AuditVerification } {
  const storeId = loadStore(resolveStoreDir(options.store)).layout.id;
  const path = options.db ?? join(options.dataDir, `${storeId}.sqlite`);
  const db = openStoreDatabase(path, { storeId, readonly: true });
  try {
    return { path, result: db.audit.verify() };
  } finally {
    db.close();
  }
}

export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('the audit log of human actions (corrections, approvals, refunds)');
  audit
    .command('verify')
    .description('recompute the hash chain: exit 0 when intact, 1 naming the first broken entry')
    .option('--store <demo|DIR>', 'the store whose database to check', 'demo')
    .option('--data-dir <dir>', 'folder holding the store database', defaultDataDir())
    .option('--db <file>', 'check this database file instead')
    .option('--json', 'print one JSON object instead of prose')
    .action((options: AuditVerifyOptions) => {
      const { path, result } = verifyStoreAudit(options);
      if (options.json) console.log(JSON.stringify({ path, ...result }));
      else if (result.ok) console.log(`audit log intact: ${result.entries} entries, every hash chained to the one before (${path})`);
      else console.log(`audit log BROKEN at entry ${result.brokenAt}: ${result.reason} (${path})`);
      if (!result.ok) process.exitCode = 1;
    });
}
