// Controller sample sets → evenly spaced raw chunks per plate: spacing from the device clock, a new
// chunk at every break (lost reports), re-anchoring when the device clock and the store clock part,
// status inputs under the controller's serial, the device's own calibration learnt at connect.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WeightDeviceSupervisor } from '../../../native-bridge/hid/device-supervisor';
import { FakeHidBus } from '../../../native-bridge/hid/fake-hid-bus';
import { FakeShelfController } from '../../../native-bridge/hid/fake-shelf-controller';
import type { DeviceStatus } from '../../engine/inputs';
import { testStore } from '../../engine/shelves/test-store';
import type { PlateCalibration } from './calibration';
import { buildChannelMap } from './channel-map';
import { ShelfDeviceFeed } from './device-feed';
import type { RawPlateChunk } from './plate-signal';

const store = testStore([{ id: 'F1', shelves: [{ id: 'S1', controller: 'SHC-1', plates: [{ id: 'P1', sku: 'BIS-0003' }, { id: 'P2', sku: 'CRI-0001' }, { id: 'P3', sku: 'CRI-0006' }] }] }]);
const START = 1_800_000_000_000;

let bus: FakeHidBus;
let supervisor: WeightDeviceSupervisor;
let chunks: RawPlateChunk[];
let statuses: DeviceStatus[];
let calibrations: [string, PlateCalibration][];
let feed: ShelfDeviceFeed;

beforeEach(() => {
  vi.useFakeTimers({ now: START });
  bus = new FakeHidBus();
  supervisor = new WeightDeviceSupervisor(bus, { now: () => Date.now() });
  chunks = [];
  statuses = [];
  calibrations = [];
  feed = new ShelfDeviceFeed(
    supervisor,
    buildChannelMap(store),
    { chunk: (c) => chunks.push(c), status: (s) => statuses.push(s), deviceCalibration: (plate, c) => calibrations.push([plate, c]) },
    { now: () => Date.now(), chunkMs: 100 },
  );
});

afterEach(async () => {
  feed.stop();
  await supervisor.stop();
  vi.useRealTimers();
});

/** A 2-channel controller: plate P3 is wired to channel 2, which this device does not have. */
async function connect(): Promise<FakeShelfController> {
  const controller = new FakeShelfController({ serial: 'SHC-1', channels: 2, sampleRateHz: 50, calibration: [{ offset: 100, scale: 0.5 }, { offset: 0, scale: 0 }] });
  controller.raw.set([1100, 2000]);
  await supervisor.start();
  bus.plug(controller);
  await vi.advanceTimersByTimeAsync(0);
  return controller;
}

async function tick(controller: FakeShelfController, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    controller.tick(1);
    await vi.advanceTimersByTimeAsync(20);
  }
}

describe('ShelfDeviceFeed', () => {
  it('chunks each plate’s raw counts at even spacing and announces the controller', async () => {
    const controller = await connect();
    expect(statuses).toEqual([{ kind: 'device-status', device: 'SHC-1', t: START, state: 'online', detail: expect.stringContaining('2 channels at 50 Hz') }]);
    // What the device holds, channel by channel; P3 has no channel on this device.
    expect(calibrations).toEqual([
      ['P1', { offset: 100, scale: 0.5 }],
      ['P2', { offset: 0, scale: 0 }],
    ]);
    await tick(controller, 10);
    expect(chunks.map((c) => [c.plate, c.t0, c.dt, c.raw.length])).toEqual([
      ['P1', START, 20, 5],
      ['P2', START, 20, 5],
      ['P1', START + 100, 20, 5],
      ['P2', START + 100, 20, 5],
    ]);
    expect(Array.from(chunks[0]!.raw)).toEqual([1100, 1100, 1100, 1100, 1100]);
  });

  it('starts a new chunk after lost reports, at the time the device clock says', async () => {
    const controller = await connect();
    await tick(controller, 2);
    controller.lose(3);
    await vi.advanceTimersByTimeAsync(60);
    await tick(controller, 5);
    const p1 = chunks.filter((c) => c.plate === 'P1');
    expect(p1.map((c) => [c.t0 - START, c.raw.length])).toEqual([
      [0, 2],
      [100, 5],
    ]);
  });

  it('re-anchors on the store clock when the device clock has drifted away from it', async () => {
    const controller = await connect();
    await tick(controller, 5);
    await vi.advanceTimersByTimeAsync(5000); // the host stalled: the device clock says 20 ms passed, the store clock 5 s
    await tick(controller, 5);
    const p1 = chunks.filter((c) => c.plate === 'P1');
    expect(p1.map((c) => c.t0 - START)).toEqual([0, 5100]);
  });

  it('says offline after the last chunk, never before it', async () => {
    const controller = await connect();
    await tick(controller, 3);
    bus.unplug(controller, 'gone');
    expect(chunks.filter((c) => c.plate === 'P1').map((c) => c.raw.length)).toEqual([3]);
    expect(statuses.at(-1)).toEqual({ kind: 'device-status', device: 'SHC-1', t: START + 60, state: 'offline', detail: 'disconnected: gone' });
  });
});
