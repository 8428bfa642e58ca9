// The host's end of the conversation with the live worker, apart from the thread: floor frames go to
// the renderer's `liveFloor` stream (at most `maxFramesPerSecond`, so a fast simulation cannot flood
// the transport), session details, stock and staff-action answers are kept for the services, and the
// shelves' messages go to the shelves link. live-service.ts wires it to a worker thread; tests wire
// it to the worker loop in-process.
import type { LiveFloorFrame, LiveSource } from '../../native-bridge/contract/dto';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import type { StreamHub } from '../../native-bridge/rpc/server/stream-hub';
import { createShelvesLink, type ShelvesLink } from '../services/devices-live-link';
import type { CameraFrameDetections } from '../devices/cameras/camera-detection-feed';
import type { LiveHostMessage, LiveWorkerMessage } from './live-messages';
import { LiveSessionCache } from './live-session-cache';
import type { LiveStock } from './live-stock';
import { StaffActionRequests, type AppliedAgeCheck } from './staff-action-requests';

export interface LiveLinkDeps {
  streams: StreamHub;
  log: (line: string) => void;
  onReceiptsStored?: () => void;
  maxFramesPerSecond?: number;
}

/** What the host's services read from and ask of the live engine. */
export interface LiveFeed {
  /** What feeds the engine: the simulator, or real shelf devices. */
  readonly source: Exclude<LiveSource, 'none'>;
  latest(): LiveFloorFrame | undefined;
  /** A session's live cart and recent events: open, or closed recently. */
  session(sessionId: string): LiveSessionDetail | undefined;
  /** Low plates and restock mode as the live engine last reported them; undefined until it has. */
  stock(): LiveStock | undefined;
  /** Starts or ends staff restock mode at a fixture in the live engine; resolves with the stock after it. */
  staffAction(actor: string, action: 'restock-start' | 'restock-end', fixture: string): Promise<LiveStock>;
  /** Tells the live engine staff checked the ID of an open session's shopper; resolves with the check as recorded. */
  ageCheck(actor: string, sessionId: string): Promise<AppliedAgeCheck>;
  /** Plate status, live weights and calibration requests of the worker's shelves. */
  shelves: ShelvesLink;
  /** A real camera's processed frame for the engine (used in device mode; the simulator makes its own detections). */
  cameraDetections(frame: CameraFrameDetections): void;
}

export interface LiveLink extends LiveFeed {
  /** A message from the worker. */
  handle(message: LiveWorkerMessage): void;
  /** Stops serving the floor snapshot. */
  dispose(): void;
}

export function createLiveLink(post: (message: LiveHostMessage) => void, source: LiveFeed['source'], deps: LiveLinkDeps): LiveLink {
  const maxFramesPerSecond = deps.maxFramesPerSecond ?? 10;
  let latest: LiveFloorFrame | undefined;
  let lastSent = 0;
  const sessions = new LiveSessionCache();
  let stock: LiveStock | undefined;
  const staffActions = new StaffActionRequests(post);
  const removeSnapshot = deps.streams.provideSnapshot('liveFloor', () => latest);
  const shelves = createShelvesLink(post, (frame) => deps.streams.publish('shelfWeights', frame));
  return {
    source,
    latest: () => latest,
    session: (sessionId) => sessions.get(sessionId),
    stock: () => stock,
    staffAction: (actor, action, fixture) => staffActions.send(actor, action, fixture),
    ageCheck: (actor, sessionId) => staffActions.ageCheck(actor, sessionId),
    shelves,
    cameraDetections: (frame) => post({ type: 'camera-detections', ...frame }),
    dispose: removeSnapshot,
    handle(message) {
      if (shelves.handle(message)) return;
      if (message.type === 'frame') {
        latest = message.frame;
        const now = performance.now();
        if (now - lastSent >= 1000 / maxFramesPerSecond) {
          lastSent = now;
          deps.streams.publish('liveFloor', message.frame);
        }
      } else if (message.type === 'sessions') sessions.apply(message);
      else if (message.type === 'stock') stock = message.stock;
      else if (staffActions.settle(message)) {
        if (message.type === 'staff-action-done') stock = message.stock;
      } else if (message.type === 'receipts-stored') deps.onReceiptsStored?.();
      else if (message.type === 'log') deps.log(message.line);
      else if (message.type === 'recovered') {
        const r = message.report;
        deps.log(
          `walkout: resumed live run ${r.runId} after a crash: replayed ${r.inputs} inputs (${Math.round(r.spanMs / 1000)} s of store time) in ${(r.wallMs / 1000).toFixed(1)} s; ` +
            `${r.alreadyStored} decisions were already stored${r.notRemade > 0 ? `, ${r.notRemade} stored decisions were not made again (their inputs were lost)` : ''}`,
        );
      } else if (message.type === 'error') deps.log(`walkout: live ${source === 'devices' ? 'device feed' : 'simulator'} failed: ${message.message}`);
    },
  };
}
