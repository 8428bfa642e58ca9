// The engine's inputs: every sensor sample, live or simulated or replayed, becomes one of these,
// stamped with its capture time in milliseconds of the store clock (monotonic per source). Bulk
// data sits in typed arrays so a busy store's tens of thousands of samples a second cost no
// per-sample objects.

/** A run of evenly spaced weight samples from one plate. NaN marks a dropped sample. */
export interface PlateSamples {
  kind: 'plate-samples';
  plate: string;
  /** Capture time of grams[0]. */
  t0: number;
  /** Sample period in ms (1000 / rate). */
  dt: number;
  grams: Float32Array;
}

/** Values per box in `Detections.boxes`: x, y, w, h (pixels, top-left origin), score (0..1). */
export const boxStride = 5;
/** Keypoints per box, in this order; each is x, y (pixels), confidence (0 = not seen). */
export const keypointNames = ['head', 'left-hand', 'right-hand'] as const;
export const keypointStride = keypointNames.length * 3;

/** What a person detector reported for one camera frame. */
export interface Detections {
  kind: 'detections';
  camera: string;
  t: number;
  /** boxStride values per detection. */
  boxes: Float32Array;
  /** keypointStride values per detection, or absent when the detector gives none. */
  keypoints?: Float32Array;
}

/** A QR code read at a gate scanner: the raw text, verified by the engine. */
export interface GateScan {
  kind: 'gate-scan';
  gate: string;
  t: number;
  token: string;
}

/** A gate's passage sensor (turnstile or beam) counted one person through. */
export interface GatePassage {
  kind: 'gate-passage';
  gate: string;
  t: number;
}

export type DeviceState = 'online' | 'offline' | 'error';

/** A device came up, went away or reported a fault. */
export interface DeviceStatus {
  kind: 'device-status';
  device: string;
  t: number;
  state: DeviceState;
  detail?: string;
}

/** Staff told the system that restocking begins or ends at a fixture. */
export interface RestockAction {
  kind: 'staff-action';
  t: number;
  actor: string;
  action: 'restock-start' | 'restock-end';
  fixture: string;
}

/** Staff checked the ID of a session's shopper on the floor: its age-restricted lines need no review. */
export interface AgeCheckAction {
  kind: 'staff-action';
  t: number;
  actor: string;
  action: 'age-checked';
  sessionId: string;
}

/** Staff told the system something it cannot sense. */
export type StaffAction = RestockAction | AgeCheckAction;

export function isRestockAction(action: StaffAction): action is RestockAction {
  return action.action !== 'age-checked';
}

export type EngineInput = PlateSamples | Detections | GateScan | GatePassage | DeviceStatus | StaffAction;
export type EngineInputKind = EngineInput['kind'];

/** The time an input sorts by when streams are merged: its first sample. */
export function inputTime(input: EngineInput): number {
  return input.kind === 'plate-samples' ? input.t0 : input.t;
}
