// Data shapes that cross from main to the renderer. Plain JSON-serialisable types only: they
// travel over Electron IPC (structured clone) and the WebSocket (JSON) unchanged.
import type { Camera, Fixture, Gate, Point, StoreLayout, Zone } from '../../main/store/schema';
import type { LiveDevices, LiveEvent } from './live-floor';

export type { Camera, Fixture, Gate, Point, StoreLayout, Zone };

export type HostKind = 'desktop' | 'browser';

export interface SystemStatus {
  version: string;
  host: HostKind;
  store: { id: string; name: string; currency: string; timezone: string };
  database: { path: string; schemaVersion: number; sizeBytes: number };
  startedAt: string;
}

/** A camera as the floor map draws it: where it hangs and the floor area it sees. */
export interface CameraOnPlan {
  id: string;
  name: string;
  position: Point;
  heightM: number;
  /** The floor area inside the image, as a polygon on the plan (empty when it sees no floor). */
  fieldOfView: Point[];
}

export interface FloorPlan {
  layout: StoreLayout;
  cameras: CameraOnPlan[];
  counts: { fixtures: number; shelves: number; plates: number; cameras: number; products: number };
}

/** Pushed every few seconds so the UI can show that the host is alive and how it is doing. */
export interface HostHealth {
  at: string;
  uptimeS: number;
  rssBytes: number;
  heapUsedBytes: number;
  database: { sizeBytes: number; walBytes: number };
  clients: number;
}

export type LiveSource = 'simulator' | 'devices' | 'none';
export type ShopperState = 'session' | 'anonymous' | 'unbound' | 'flagged';

/** One shopper on the live floor map: a confirmed floor track and the session it is bound to. */
export interface LiveShopper {
  trackId: number;
  x: number;
  y: number;
  /** Bound session, absent while the track is not (yet) bound to one. */
  sessionId?: string;
  state: ShopperState;
  /** Units in the session's cart. */
  cartUnits: number;
  /** The session's `LiveSessionDetail.revision`: a change means its cart or history changed. */
  revision?: number;
}

/** The live floor at one moment of store time, pushed a few times a second. */
export interface LiveFloorFrame {
  /** Store time, ms since the epoch. */
  t: number;
  source: LiveSource;
  /** Store seconds per wall second (1 for real devices). */
  speed: number;
  shoppers: LiveShopper[];
  counters: { openSessions: number; entered: number; receipts: number; heldForReview: number; tailgating: number };
  /** The latest events of the store's feed (a few dozen), oldest first; absent where no feed runs. */
  events?: LiveEvent[];
  /** Devices that are down; absent where nothing reports device health. */
  devices?: LiveDevices;
}
