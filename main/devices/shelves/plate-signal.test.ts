// The plate signal between devices and the engine: calibration precedence, grams out, and the
// health it reports from the signal itself (noisy, drifting, offline, not calibrated) on streams
// whose truth is known.
import { describe, expect, it } from 'vitest';
import { testStore } from '../../engine/shelves/test-store';
import { buildChannelMap } from './channel-map';
import { PlateSignal, type RawPlateChunk } from './plate-signal';

const store = testStore([{ id: 'F1', shelves: [{ id: 'S1', controller: 'SHC-1', plates: [{ id: 'P1', sku: 'BIS-0003' }, { id: 'P2', sku: 'CRI-0001' }] }] }]);
const map = buildChannelMap(store);
const P1 = map.plate('P1')!;

/** `seconds` of a plate at 10 Hz from t0: level(t) plus seeded noise of σ ≈ sigma. */
function* stream(plate: string, t0: number, seconds: number, level: (t: number) => number, sigma: number, seed = 1): Generator<RawPlateChunk> {
  let s = seed;
  const normal = () => {
    let sum = 0;
    for (let i = 0; i < 12; i++) {
      s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
      sum += s / 0x7fffffff;
    }
    return sum - 6;
  };
  for (let c = 0; c < seconds; c++) {
    const raw = new Float32Array(10);
    for (let i = 0; i < 10; i++) raw[i] = level(t0 + c * 1000 + i * 100) + sigma * normal();
    yield { plate, t0: t0 + c * 1000, dt: 100, raw };
  }
}

const feed = (signal: PlateSignal, chunks: Iterable<RawPlateChunk>) => {
  for (const chunk of chunks) signal.process(chunk);
};

describe('PlateSignal', () => {
  it('passes the simulator’s grams through untouched and reports a quiet plate online', () => {
    const signal = new PlateSignal(map, { fallback: { offset: 0, scale: 1 } });
    const chunk = { plate: 'P1', t0: 0, dt: 100, raw: Float32Array.of(1, 2, 3) };
    expect(signal.process(chunk)?.grams).toBe(chunk.raw);
    feed(signal, stream('P1', 1000, 90, () => 2000, 1.5));
    const report = signal.report(P1, 91_000);
    expect(report).toMatchObject({ status: 'online', detail: 'reporting' });
    expect(report.noiseG).toBeGreaterThan(1.2);
    expect(report.noiseG).toBeLessThan(1.8);
    expect(Math.abs(report.driftGPerMin!)).toBeLessThan(0.5);
    expect(report.grams).toBeCloseTo(2000, -1);
  });

  it('prefers the database’s calibration over the device’s, and has no grams without either', () => {
    const signal = new PlateSignal(map, { fallback: null });
    const raw = Float32Array.of(18_000);
    expect(signal.process({ plate: 'P1', t0: 0, dt: 100, raw })?.grams[0]).toBeNaN();
    expect(signal.calibration('P1')).toEqual({ calibration: null, source: 'none' });
    signal.setDeviceCalibration('P1', { offset: 8000, scale: 0.05 });
    expect(signal.process({ plate: 'P1', t0: 100, dt: 100, raw })?.grams[0]).toBe(500);
    signal.setStoredCalibration('P1', { offset: 10_000, scale: 0.1 });
    expect(signal.process({ plate: 'P1', t0: 200, dt: 100, raw })?.grams[0]).toBe(800);
    expect(signal.calibration('P1').source).toBe('database');
    expect(signal.process({ plate: 'nope', t0: 0, dt: 100, raw })).toBeUndefined();
  });

  it('says a plate with no usable calibration is not calibrated', () => {
    const signal = new PlateSignal(map, { fallback: null });
    feed(signal, stream('P1', 0, 5, () => 9000, 3));
    expect(signal.report(P1, 5000)).toMatchObject({ status: 'uncalibrated', grams: null });
  });

  it('finds a noisy load cell despite picks, and not a quiet one with picks', () => {
    const signal = new PlateSignal(map, { fallback: { offset: 0, scale: 1 } });
    const picks = (t: number) => 2000 - 421 * Math.floor(t / 20_000);
    feed(signal, stream('P1', 0, 60, picks, 9));
    feed(signal, stream('P2', 0, 60, picks, 1));
    expect(signal.report(P1, 60_000)).toMatchObject({ status: 'noisy', detail: expect.stringMatching(/^idle noise ±(8|9|10)\.\d g \(limit 5 g\)/) });
    expect(signal.report(map.plate('P2')!, 60_000).status).toBe('online');
  });

  it('finds a resting weight that creeps, but not one that steps', () => {
    const signal = new PlateSignal(map, { fallback: { offset: 0, scale: 1 } });
    feed(signal, stream('P1', 0, 180, (t) => 2000 + (6 * t) / 60_000, 1)); // +6 g/min
    feed(signal, stream('P2', 0, 180, (t) => 2000 - 157.5 * Math.floor(t / 30_000), 1)); // a pick every 30 s
    const creeping = signal.report(P1, 180_000);
    expect(creeping.status).toBe('drifting');
    expect(creeping.driftGPerMin).toBeGreaterThan(5);
    expect(creeping.driftGPerMin).toBeLessThan(7);
    const stepping = signal.report(map.plate('P2')!, 180_000);
    expect(stepping.status).toBe('online');
    expect(Math.abs(stepping.driftGPerMin!)).toBeLessThan(0.5);
  });

  it('reports offline when the controller says so, or when the plate falls silent', () => {
    const signal = new PlateSignal(map, { fallback: { offset: 0, scale: 1 } });
    expect(signal.report(P1, 0)).toMatchObject({ status: 'offline', detail: 'no samples yet' });
    feed(signal, stream('P1', 0, 5, () => 100, 1));
    signal.deviceState('SHC-1', false, 'disconnected: USB device removed');
    expect(signal.report(P1, 5000)).toMatchObject({ status: 'offline', detail: 'disconnected: USB device removed' });
    signal.deviceState('SHC-1', true, 'back');
    expect(signal.report(P1, 5000).status).toBe('online');
    expect(signal.report(P1, 10_000)).toMatchObject({ status: 'offline', detail: 'silent for 5 s' });
  });

  it('keeps tare readings and downsampled weights for the plots', () => {
    const signal = new PlateSignal(map, { fallback: { offset: 0, scale: 1 } });
    feed(signal, stream('P1', 0, 40, () => 500, 0.5));
    const level = signal.rawLevel('P1')!;
    expect(level.mean).toBeCloseTo(500, 0);
    expect(level.samples).toBe(10);
    expect(level.t).toBe(39_900);
    const series = signal.weights(['P1', 'P2'], 39_999);
    expect(series.times).toHaveLength(120);
    expect(series.times.at(-1)).toBe(39.75);
    expect(series.grams[0]!.every((g) => g !== null && Math.abs(g - 500) < 3)).toBe(true);
    expect(series.grams[1]!.every((g) => g === null)).toBe(true);
  });
});
