// Plate health from its weight signal: online, offline (controller gone or plate silent), not
// calibrated, noisy (idle noise above a limit) or drifting (the resting weight creeping). This is
// diagnostics for people, not event detection: the engine's segmenter also learns each plate's
// noise and follows drift, but it does so to compensate (its baseline absorbs drift by design) and
// keeps it private to its thresholds; here the same signal is measured to be reported.
//
// Per plate, 1 s windows (mean and σ). Idle noise is the median σ of the last 30 windows: events
// raise a few windows, a bad load cell raises all of them. Drift is the resting level's rate of
// change: the difference of consecutive quiet windows' means, summed with exponential forgetting,
// over the quiet time summed the same way. Within a quiet run the differences telescope to
// "last mean − first mean", so window noise does not pile up, and a step (an event) is never a
// difference between two quiet windows, so picks and put-backs are not drift.

export type PlateStatus = 'online' | 'offline' | 'uncalibrated' | 'noisy' | 'drifting';

export interface PlateHealthOptions {
  windowS: number;
  /** Windows the idle noise is taken over (median). */
  noiseWindows: number;
  /** Idle noise σ above this is 'noisy'. */
  noisyG: number;
  /** |drift| above this is 'drifting'. */
  driftGPerMin: number;
  /** Forgetting time of the drift estimate. */
  driftTauS: number;
  /** Quiet time needed before drift is judged at all. */
  driftMinS: number;
  /** A plate silent this long is offline. */
  staleS: number;
}

export const defaultPlateHealthOptions: Readonly<PlateHealthOptions> = Object.freeze({
  windowS: 1,
  noiseWindows: 30,
  noisyG: 5,
  driftGPerMin: 3,
  driftTauS: 300,
  driftMinS: 60,
  staleS: 3,
});

export interface PlateHealthReport {
  status: PlateStatus;
  detail: string;
  /** Idle noise σ in grams, once a few windows have been seen. */
  noiseG: number | null;
  driftGPerMin: number | null;
  /** Mean weight of the latest complete window. */
  grams: number | null;
  lastSampleAt: number | null;
}

const MIN_WINDOW_SAMPLES = 3;
const MIN_NOISE_WINDOWS = 5;

export class PlateHealth {
  private readonly o: PlateHealthOptions;
  private readonly winMs: number;
  private readonly winStart: Float64Array;
  private readonly winN: Int32Array;
  private readonly winSum: Float64Array;
  private readonly winSumSq: Float64Array;
  private readonly sigmas: Float32Array;
  private readonly sigmaHead: Int32Array;
  private readonly sigmaCount: Int32Array;
  private readonly noise: Float64Array;
  private readonly prevMean: Float64Array;
  private readonly prevStart: Float64Array;
  private readonly prevQuiet: Uint8Array;
  private readonly driftD: Float64Array;
  private readonly driftT: Float64Array;
  private readonly lastMean: Float64Array;
  private readonly lastHeard: Float64Array;
  private readonly deviceDown: (string | null)[];
  private readonly scratch: Float32Array;

  constructor(slots: number, options: Partial<PlateHealthOptions> = {}) {
    this.o = { ...defaultPlateHealthOptions, ...options };
    this.winMs = this.o.windowS * 1000;
    const K = this.o.noiseWindows;
    this.winStart = new Float64Array(slots).fill(Number.NaN);
    this.winN = new Int32Array(slots);
    this.winSum = new Float64Array(slots);
    this.winSumSq = new Float64Array(slots);
    this.sigmas = new Float32Array(slots * K);
    this.sigmaHead = new Int32Array(slots);
    this.sigmaCount = new Int32Array(slots);
    this.noise = new Float64Array(slots).fill(Number.NaN);
    this.prevMean = new Float64Array(slots).fill(Number.NaN);
    this.prevStart = new Float64Array(slots).fill(Number.NaN);
    this.prevQuiet = new Uint8Array(slots);
    this.driftD = new Float64Array(slots);
    this.driftT = new Float64Array(slots);
    this.lastMean = new Float64Array(slots).fill(Number.NaN);
    this.lastHeard = new Float64Array(slots).fill(Number.NaN);
    this.deviceDown = new Array<string | null>(slots).fill(null);
    this.scratch = new Float32Array(K);
  }

  /** The plate's device reported something (even readings that give no grams): it is alive. */
  heard(slot: number, t: number): void {
    if (!(this.lastHeard[slot]! >= t)) this.lastHeard[slot] = t;
  }

  /** The controller serving `slots` went offline (with why) or came back. */
  device(slots: readonly number[], online: boolean, detail: string): void {
    for (const slot of slots) this.deviceDown[slot] = online ? null : detail;
  }

  accept(slot: number, t0: number, dt: number, grams: Float32Array): void {
    const winMs = this.winMs;
    let start = this.winStart[slot]!;
    let n = this.winN[slot]!;
    let sum = this.winSum[slot]!;
    let sumSq = this.winSumSq[slot]!;
    for (let i = 0; i < grams.length; i++) {
      const x = grams[i]!;
      if (x !== x) continue;
      const t = t0 + i * dt;
      if (start !== start || t >= start + winMs || t < start) {
        if (n >= MIN_WINDOW_SAMPLES) this.closeWindow(slot, start, n, sum, sumSq, t - start > 2 * winMs);
        start = t;
        n = 0;
        sum = 0;
        sumSq = 0;
      }
      n++;
      sum += x;
      sumSq += x * x;
    }
    this.winStart[slot] = start;
    this.winN[slot] = n;
    this.winSum[slot] = sum;
    this.winSumSq[slot] = sumSq;
  }

  report(slot: number, now: number, calibrated: boolean): PlateHealthReport {
    const noise = this.noise[slot]!;
    const noiseG = noise === noise ? noise : null;
    const T = this.driftT[slot]!;
    const drift = T >= this.o.driftMinS ? (this.driftD[slot]! / T) * 60 : null;
    const grams = this.lastMean[slot]!;
    const heard = this.lastHeard[slot]!;
    const base = { noiseG, driftGPerMin: drift, grams: grams === grams ? grams : null, lastSampleAt: heard === heard ? heard : null };
    const down = this.deviceDown[slot];
    if (down !== null && down !== undefined) return { status: 'offline', detail: down, ...base };
    if (heard !== heard) return { status: 'offline', detail: 'no samples yet', ...base };
    const silentS = (now - heard) / 1000;
    if (silentS > this.o.staleS) return { status: 'offline', detail: `silent for ${silentS.toFixed(0)} s`, ...base };
    if (!calibrated) return { status: 'uncalibrated', detail: 'not calibrated: tare the empty plate, then calibrate with a known weight', ...base };
    if (noiseG !== null && this.sigmaCount[slot]! >= MIN_NOISE_WINDOWS && noiseG > this.o.noisyG) {
      return { status: 'noisy', detail: `idle noise ±${noiseG.toFixed(1)} g (limit ${this.o.noisyG} g): check the load cell and its cable`, ...base };
    }
    if (drift !== null && Math.abs(drift) > this.o.driftGPerMin) {
      return { status: 'drifting', detail: `resting weight drifts ${drift > 0 ? '+' : ''}${drift.toFixed(1)} g/min (limit ${this.o.driftGPerMin}): re-tare or check the load cell`, ...base };
    }
    return { status: 'online', detail: 'reporting', ...base };
  }

  private closeWindow(slot: number, start: number, n: number, sum: number, sumSq: number, gapAfter: boolean): void {
    const mean = sum / n;
    const sigma = Math.sqrt(Math.max(0, (sumSq - (sum * sum) / n) / (n - 1)));
    const K = this.o.noiseWindows;
    const head = this.sigmaHead[slot]!;
    this.sigmas[slot * K + head] = sigma;
    this.sigmaHead[slot] = head + 1 === K ? 0 : head + 1;
    const count = Math.min(K, this.sigmaCount[slot]! + 1);
    this.sigmaCount[slot] = count;
    const noise = median(this.sigmas, slot * K, count, this.scratch);
    this.noise[slot] = noise;
    this.lastMean[slot] = mean;

    const quiet = sigma <= Math.max(3 * noise, 0.5);
    const prevMean = this.prevMean[slot]!;
    const prevStart = this.prevStart[slot]!;
    const step = mean - prevMean;
    const jumpLimit = Math.max(1, 6 * noise * Math.sqrt(2 / n));
    const contiguous = start - prevStart <= 1.5 * this.winMs;
    if (quiet && this.prevQuiet[slot] === 1 && contiguous && Math.abs(step) <= jumpLimit) {
      const dtS = (start - prevStart) / 1000;
      const decay = Math.exp(-dtS / this.o.driftTauS);
      this.driftD[slot] = this.driftD[slot]! * decay + step;
      this.driftT[slot] = this.driftT[slot]! * decay + dtS;
    }
    this.prevMean[slot] = mean;
    this.prevStart[slot] = start;
    this.prevQuiet[slot] = quiet && !gapAfter ? 1 : 0;
  }
}

function median(values: Float32Array, from: number, count: number, scratch: Float32Array): number {
  const s = scratch.subarray(0, count);
  s.set(values.subarray(from, from + count));
  s.sort();
  return count % 2 === 1 ? s[count >> 1]! : (s[count / 2 - 1]! + s[count / 2]!) / 2;
}
