import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, WeightDeviceSupervisor } from './device-supervisor';
import { FakeHidBus } from './fake-hid-bus';
import { FakePosScale } from './fake-pos-scale';
import { FakeShelfController } from './fake-shelf-controller';
import { fromHex } from './transport';
import type { WeightDevice, WeightSampleSet } from './weight-device';

const calibrated = (n: number) => Array.from({ length: n }, () => ({ offset: 1000, scale: 0.01 }));

function setup() {
  const bus = new FakeHidBus();
  const supervisor = new WeightDeviceSupervisor(bus, { now: () => Date.now(), backoff: { initialMs: 500, maxMs: 8000, factor: 2 } });
  const events: string[] = [];
  const samples = new Map<string, WeightSampleSet[]>();
  supervisor.onOnline((device: WeightDevice) => {
    events.push(`online ${device.serial}`);
    device.onSamples((s) => samples.set(device.serial, [...(samples.get(device.serial) ?? []), s]));
  });
  supervisor.onOffline((serial, detail) => events.push(`offline ${serial}: ${detail}`));
  return { bus, supervisor, events, samples };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('backoff', () => {
  it('doubles up to the ceiling', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((k) => backoffDelay(k, { initialMs: 500, maxMs: 8000, factor: 2 }))).toEqual([500, 1000, 2000, 4000, 8000, 8000, 8000]);
  });
});

describe('WeightDeviceSupervisor', () => {
  it('finds controllers and scales, opens them and streams their samples', async () => {
    const { bus, supervisor, events, samples } = setup();
    const controller = new FakeShelfController({ serial: 'SHC-0001', channels: 3, calibration: calibrated(3) });
    const scale = new FakePosScale('SCALE-7');
    bus.plug(controller);
    bus.plug(scale);
    await supervisor.start();
    expect(events.sort()).toEqual(['online SCALE-7', 'online SHC-0001']);
    controller.raw.set([1000, 2000, -5]);
    controller.tick(2);
    expect(samples.get('SHC-0001')?.map((s) => Array.from(s.raw))).toEqual([
      [1000, 2000, -5],
      [1000, 2000, -5],
    ]);
    expect(samples.get('SHC-0001')?.map((s) => s.deviceTimeUs)).toEqual([0, 12_500]);
    scale.place(250);
    vi.advanceTimersByTime(100);
    expect(Array.from(samples.get('SCALE-7')!.at(-1)!.raw)).toEqual([250]);
    expect(supervisor.states().map((s) => [s.serial, s.kind, s.state])).toEqual([
      ['SCALE-7', 'pos-scale', 'online'],
      ['SHC-0001', 'shelf-controller', 'online'],
    ]);
    await supervisor.stop();
  });

  it('zeroes a POS scale through its output report', async () => {
    const { bus, supervisor, samples } = setup();
    const scale = new FakePosScale('SCALE-7');
    bus.plug(scale);
    await supervisor.start();
    scale.place(40);
    await supervisor.device('SCALE-7')!.zero();
    vi.advanceTimersByTime(100);
    expect(scale.zeroCommands).toBe(1);
    expect(Array.from(samples.get('SCALE-7')!.at(-1)!.raw)).toEqual([0]);
    await supervisor.stop();
  });

  it('counts a POS scale’s malformed reports and keeps its last good weight', async () => {
    const { bus, supervisor, samples } = setup();
    const scale = new FakePosScale('SCALE-7');
    bus.plug(scale);
    await supervisor.start();
    const errors: string[] = [];
    supervisor.device('SCALE-7')!.onError((e) => errors.push(e.message));
    scale.place(120);
    scale.sendRaw(fromHex('03 04 02 00 8C'));
    scale.sendRaw(fromHex('03 0F 02 00 00 00'));
    vi.advanceTimersByTime(100);
    expect(errors).toEqual(['report too short: 5 bytes, expected 6', 'unknown status 15']);
    expect(supervisor.device('SCALE-7')!.stats).toMatchObject({ reports: 1, malformed: 2 });
    expect(Array.from(samples.get('SCALE-7')!.at(-1)!.raw)).toEqual([120]);
    await supervisor.stop();
  });

  it('reports a device unplugged mid-stream, and re-opens it by serial on another path', async () => {
    const { bus, supervisor, events, samples } = setup();
    const controller = new FakeShelfController({ serial: 'SHC-0001', channels: 2, calibration: calibrated(2) });
    bus.plug(controller);
    await supervisor.start();
    controller.tick(3);
    bus.unplug(controller, 'USB device removed');
    controller.tick(2); // nobody hears these
    expect(events).toEqual(['online SHC-0001', 'offline SHC-0001: disconnected: USB device removed']);
    expect(supervisor.states()[0]).toMatchObject({ state: 'offline' });
    await vi.advanceTimersByTimeAsync(2000); // retries find nothing
    expect(supervisor.states()[0]!.attempts).toBeGreaterThan(0);
    const path = bus.plug(controller); // the hot-plug event opens it at once
    await vi.advanceTimersByTimeAsync(0);
    expect(path).toBe('/dev/fake-hidraw2');
    expect(events.at(-1)).toBe('online SHC-0001');
    expect(supervisor.states()[0]).toMatchObject({ state: 'online', attempts: 0 });
    controller.tick(1);
    // The device rebooted: its sequence and clock start again, and that is no gap.
    expect(samples.get('SHC-0001')!.at(-1)).toMatchObject({ deviceTimeUs: 0, dropped: 0 });
    await supervisor.stop();
  });

  it('retries a device that fails to open with exponential backoff', async () => {
    const { bus, supervisor, events } = setup();
    for (let i = 0; i < 3; i++) bus.failNextOpen(new Error('Resource busy'));
    bus.plug(new FakeShelfController({ serial: 'SHC-0002', channels: 1, calibration: calibrated(1) }));
    await supervisor.start();
    expect(bus.opens).toBe(1);
    expect(supervisor.states()[0]).toMatchObject({ state: 'offline', attempts: 1, detail: 'could not open: Resource busy', retryAt: Date.now() + 500 });
    await vi.advanceTimersByTimeAsync(499);
    expect(bus.opens).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(bus.opens).toBe(2);
    await vi.advanceTimersByTimeAsync(999);
    expect(bus.opens).toBe(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(bus.opens).toBe(3);
    await vi.advanceTimersByTimeAsync(2000);
    expect(bus.opens).toBe(4);
    expect(events).toEqual(['online SHC-0002']);
    await supervisor.stop();
  });

  it('refuses a device whose configuration breaks the protocol, saying why', async () => {
    const { bus, supervisor, events } = setup();
    const controller = new FakeShelfController({ serial: 'SHC-0003', channels: 40 });
    bus.plug(controller);
    await supervisor.start();
    expect(events).toEqual([]);
    expect(supervisor.states()[0]!.detail).toBe('could not open: configuration: channel count 40, expected 1..32 (11 28 50 00)');
    await supervisor.stop();
  });

  it('counts malformed reports and keeps streaming', async () => {
    const { bus, supervisor, samples } = setup();
    const controller = new FakeShelfController({ serial: 'SHC-0004', channels: 2, calibration: calibrated(2) });
    bus.plug(controller);
    await supervisor.start();
    const errors: string[] = [];
    supervisor.device('SHC-0004')!.onError((e) => errors.push(e.message));
    controller.tick(1);
    controller.sendRaw(fromHex('01 00'));
    controller.lose(4);
    controller.tick(1);
    expect(errors).toEqual(['samples: 2 bytes, expected 14 (01 00)']);
    expect(samples.get('SHC-0004')!.map((s) => s.dropped)).toEqual([0, 4]);
    expect(supervisor.device('SHC-0004')!.stats).toMatchObject({ reports: 2, dropped: 4, malformed: 1 });
    await supervisor.stop();
  });

  it('lists weighing devices without a serial number instead of guessing who they are', async () => {
    const { bus, supervisor, events } = setup();
    const scale = new FakePosScale('x');
    (scale.info as { serialNumber?: string }).serialNumber = undefined;
    bus.plug(scale);
    await supervisor.start();
    expect(events).toEqual([]);
    expect([...supervisor.unnamed.values()]).toEqual(['pos-scale 0922:8003 at /dev/fake-hidraw1 has no serial number, so its plates cannot be mapped']);
    await supervisor.stop();
  });
});
