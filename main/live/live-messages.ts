// What the host and the live worker say to each other (structured clone across the thread).
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';

export interface LiveWorkerData {
  storeDir: string;
  dbPath: string;
  storeKey: number[];
  shoppers: number;
  speed: number;
  seed: number;
}

export type LiveWorkerMessage =
  | { type: 'started'; startMs: number }
  | { type: 'frame'; frame: LiveFloorFrame }
  | { type: 'error'; message: string }
  | { type: 'stopped' };
