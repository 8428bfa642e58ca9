// What a host decides before building the app: which store, where its database lives, which host.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { HostKind } from '../../native-bridge/contract/dto';

export interface AppConfig {
  host: HostKind;
  /** A store directory (store.json, cameras.json, catalog.json, planogram.json). */
  storeDir: string;
  /** Folder holding one database file per store. */
  dataDir: string;
  healthIntervalMs: number;
  /** Every connection must sign in (the browser host beyond 127.0.0.1); else the local operator is signed in as manager. */
  requireLogin?: boolean;
  /** Feed the suite from the simulator in real time (times `speed`); absent: no live feed. */
  simulate?: { shoppers: number; speed: number; seed: number };
  /** Feed the suite live from real shelf devices (USB HID shelf controllers, POS scales); ignored with `simulate`. */
  devices?: boolean;
}

/** The data folder: `WALKOUT_DATA_DIR`, else the XDG data home. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WALKOUT_DATA_DIR) return env.WALKOUT_DATA_DIR;
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'walkout');
}
