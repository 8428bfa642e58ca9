// What the host and the live worker say to each other (structured clone across the thread).
import type { LiveFloorFrame } from '../../native-bridge/contract/dto';
import type { LiveAgeCheck } from '../../native-bridge/contract/live-floor';
import type { SessionChanges } from './live-floor-sessions';
import type { LiveStock } from './live-stock';
import type { RecoveryReport } from './live-recovery';
import type { ShelvesHostMessage, ShelvesWorkerMessage } from '../devices/shelves/live-shelves-messages';
import type { CameraFrameDetections } from '../devices/cameras/camera-detection-feed';

export interface LiveWorkerData {
  storeDir: string;
  dbPath: string;
  storeKey: number[];
  shoppers: number;
  speed: number;
  seed: number;
  /** Feed the engine from real shelf devices (HID) instead of the simulator. */
  devices?: boolean;
}

export type LiveWorkerMessage =
  | { type: 'started'; startMs: number }
  | { type: 'frame'; frame: LiveFloorFrame }
  /** Sent before the frame whose shoppers carry the new revisions. */
  | ({ type: 'sessions' } & SessionChanges)
  /** Low plates and restock mode, about once a second and after each staff action. */
  | { type: 'stock'; stock: LiveStock }
  /** The answer to a host's `staff-action` with the same id. */
  | { type: 'staff-action-done'; id: number; stock: LiveStock }
  | { type: 'staff-action-failed'; id: number; message: string }
  /** The answer to a host's `age-check` with the same id. */
  | { type: 'age-check-done'; id: number; ageCheck: LiveAgeCheck; runId: number }
  | { type: 'age-check-failed'; id: number; message: string }
  /** A line for the host's log (gate refusals, scanner trouble). */
  | { type: 'log'; line: string }
  /** The pipeline stored receipt decisions: the receipt service should read them now. */
  | { type: 'receipts-stored' }
  /** A run cut short by a crash was resumed (its inputs replayed) before going live. */
  | { type: 'recovered'; report: RecoveryReport }
  | { type: 'error'; message: string }
  | { type: 'stopped' }
  | ShelvesWorkerMessage;

/** What the host tells the worker. */
export type LiveHostMessage =
  | { type: 'stop' }
  | ShelvesHostMessage
  /** Staff restock mode starts or ends at a fixture (from the Restock view). */
  | { type: 'staff-action'; id: number; actor: string; action: 'restock-start' | 'restock-end'; fixture: string }
  /** Staff checked the ID of an open session's shopper (from the floor map). */
  | { type: 'age-check'; id: number; actor: string; sessionId: string }
  /** A real camera's processed frame (from the camera worker, relayed by the host); fed to the engine in device mode. */
  | ({ type: 'camera-detections' } & CameraFrameDetections);
