// The live worker's work, apart from the thread that runs it: the feed (the simulator, or real shelf
// devices through the HID drivers), the live pipeline (input log, engine, decisions), the shelves'
// plate signal, and the answers to the host's messages. live-worker.ts runs it in a worker thread;
// tests run it in-process on byte-level fake devices, talking to the host's end (live-link.ts) with
// the same messages.
import type { StoreDatabase } from '../db';
import type { StoreModel } from '../store/schema';
import { openNodeHidBackend, type NodeHidBackendLoad } from '../../native-bridge/hid/node-hid-backend';
import { createLiveShelves } from '../devices/shelves/live-shelves';
import { withCameraCalibrations } from '../devices/cameras/calibrated-store';
import { CameraDetectionFeed } from '../devices/cameras/camera-detection-feed';
import { connectGateScanners, type GateScanners } from '../gate/gate-scanners';
import type { GateNotice } from '../gate/gate-notices';
import { createGateService, type GateService } from '../gate/gate-service';
import { SimulatedGateScanners } from '../gate/simulated-scanners';
import { createLivePipeline } from './live-pipeline';
import { runLive } from './live-runner';
import { PacedFeed, simulatedInputs } from './simulated-feed';
import type { LiveHostMessage, LiveWorkerData, LiveWorkerMessage } from './live-messages';

/** Wall ms between stock reports: restock alerts need no more than that. */
const STOCK_EVERY_MS = 1000;

export interface LiveWorkerLoopOptions {
  store: StoreModel;
  /** The worker's own connection; closed when the host says stop. */
  db: StoreDatabase;
  data: LiveWorkerData;
  post: (message: LiveWorkerMessage) => void;
  /** The HID stack in device mode: node-hid unless told otherwise (tests pass a FakeHidBus). */
  openHid?: () => Promise<NodeHidBackendLoad>;
}

export interface LiveWorkerLoop {
  /** A message from the host. */
  handle(message: LiveHostMessage): void;
}

export async function startLiveWorkerLoop({ store, db, data, post, openHid }: LiveWorkerLoopOptions): Promise<LiveWorkerLoop> {
  const storeKey = new Uint8Array(data.storeKey);
  const source = data.devices ? 'devices' : 'simulator';
  const log = (line: string) => post({ type: 'log', line });
  // Gate scans go through the scanner decoders and the gate service; what a gate shows that is not a welcome is logged.
  const display = (n: GateNotice) => n.outcome !== 'admitted' && log(`walkout: gate ${n.gate} shows: ${n.message}`);
  const scanners = data.devices ? undefined : new SimulatedGateScanners(store, { log, display });
  let gate: GateService | undefined = scanners?.gate;
  const pipeline = createLivePipeline({
    // The engine places camera detections where the cameras' saved calibrations say (as of this start).
    store: withCameraCalibrations(store, db.cameraSettings.calibrations()),
    db,
    storeKey,
    source,
    speed: data.devices ? 1 : data.speed,
    // The host's receipt service reads receipts from the database as soon as they are there.
    onStored: (kinds) => kinds.has('receipt') && post({ type: 'receipts-stored' }),
    onDecision: (decision) => gate?.observe(decision),
    log,
  });
  if (pipeline.recovery) post({ type: 'recovered', report: pipeline.recovery });
  // After a resumed run's present, and after anything recorded (a simulation may run ahead of the clock).
  const startMs = Math.max(Date.now(), pipeline.earliestInputMs);
  // Plate inputs pass through the shelves' plate signal (calibration, health, plots) on the way in.
  const shelves = createLiveShelves(store, db, post, source);
  const wallStart = performance.now();
  const storeNow = () => startMs + (performance.now() - wallStart);
  let feed: Pick<PacedFeed, 'pump'>;
  let gateScanners: GateScanners | undefined;
  // Real cameras' detections, in device mode only: the simulator makes its own.
  let cameras: CameraDetectionFeed | undefined;
  if (scanners) {
    // A resumed run remembers the entry tokens it admitted: simulated shoppers after a restart need new ones.
    const seed = data.seed + pipeline.run.recoveries * 1_000_003;
    feed = new PacedFeed(shelves.simulated(scanners.inputs(simulatedInputs(store, { shoppers: data.shoppers, speed: data.speed, seed, startMs }))), startMs, data.speed, wallStart);
  } else {
    // One HID stack for the shelves and the gate scanners.
    let hid: NodeHidBackendLoad | undefined;
    const queue = await shelves.startDevices(storeNow, async () => (hid = await (openHid ?? (() => openNodeHidBackend()))()));
    gate = createGateService({ store, submit: (scan) => queue.push(scan), display, log, now: storeNow });
    if (hid?.backend) gateScanners = connectGateScanners({ backend: hid.backend, store, gate, now: storeNow, log });
    cameras = new CameraDetectionFeed(
      store.cameras.map((c) => c.id),
      { storeNow, push: (detections) => queue.push(detections) },
    );
    feed = queue;
  }
  let lastStockPost = -Infinity;
  const runner = runLive({
    feed,
    pipeline,
    onFrame: (frame) => {
      const changes = pipeline.takeSessionChanges();
      if (changes) post({ type: 'sessions', ...changes });
      post({ type: 'frame', frame });
      shelves.tick(frame.t, performance.now());
      const now = performance.now();
      if (now - lastStockPost >= STOCK_EVERY_MS) {
        lastStockPost = now;
        post({ type: 'stock', stock: pipeline.stock() });
      }
    },
  });
  post({ type: 'started', startMs });
  return {
    handle(message) {
      if (message.type === 'stop') {
        gateScanners?.stop();
        runner.stop();
        // The devices are let go before the database: a last chunk they flush has nowhere to go but the queue.
        void shelves.stop().finally(() => {
          db.close();
          post({ type: 'stopped' });
        });
      } else if (message.type === 'staff-action') {
        try {
          pipeline.staffAction(message.actor, message.action, message.fixture);
          post({ type: 'staff-action-done', id: message.id, stock: pipeline.stock() });
        } catch (error) {
          post({ type: 'staff-action-failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
        }
      } else if (message.type === 'age-check') {
        try {
          post({ type: 'age-check-done', id: message.id, ageCheck: pipeline.ageCheck(message.actor, message.sessionId), runId: pipeline.run.id });
        } catch (error) {
          post({ type: 'age-check-failed', id: message.id, message: error instanceof Error ? error.message : String(error) });
        }
      } else if (message.type === 'camera-detections') {
        const before = cameras?.lastRefusal;
        if (cameras && !cameras.accept(message) && (cameras.lastRefusal !== before || isReportable(cameras.refused))) {
          log(`walkout: camera detections refused (${cameras.refused} so far): ${cameras.lastRefusal}`);
        }
      } else shelves.handle(message);
    },
  };
}

/** The 1st, 10th, 100th… refusal of the same kind: a broken camera stream says so without flooding the log. */
function isReportable(count: number): boolean {
  return count >= 1 && Number.isInteger(Math.log10(count));
}
