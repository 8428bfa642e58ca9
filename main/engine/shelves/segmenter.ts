// Weight stream → settled changes, per shelf. The hot loop of the whole engine: every plate sample of
// the store passes through `acceptSamples`, so per-plate state lives in typed arrays indexed by slot,
// the loop keeps its state in locals and writes it back once per chunk, and nothing is allocated
// per sample.
//
// Method, per plate: one ring buffer of the last `longWindowS` of valid samples with running sums
// (mean and variance over the long window, mean over its newest `shortWindowS`). The samples sit in
// the ring relative to a per-plate reference level so the running sum of squares never loses
// precision to a 2 kg offset, and the sums are recomputed exactly each time the ring wraps so
// rounding cannot accumulate over hours.
//
// Per shelf, a stable/active state machine, because a hand or an item can touch two plates and both
// must be measured against the same before and after:
// - stable: each plate's baseline follows slow drift with an exponential average of the samples
//   *leaving* the long window, so by the time a change is detected none of it has reached the
//   baseline; the plate's noise σ is learned from the variance of its idle windows. The shelf turns
//   active when any plate's short mean leaves its baseline by k σ (of that mean).
// - active: baselines freeze. Each plate is quiet while its long-window variance is near its noise;
//   the shelf settles once every present plate has been quiet for the hold time, and Δw per plate
//   = mean of the quiet window − baseline. A hand's push or a ringing plate raises the variance, so
//   no Δw is ever read while force is on the plate.
// - Plates report in chunks, so one plate's data may already run past a moment the shelf could have
//   settled at while another's has not reached it. Each plate therefore remembers its last quiet run
//   (and that run's mean) when it starts moving again: if every plate was quiet at some earlier
//   moment, the shelf settles there and the later movement becomes the next event, instead of two
//   shoppers' actions merging because their data arrived out of step.
// - First readings: while a shelf is active, its plates' newest previewWindowS of samples (a running
//   sum and sum of squares beside the short window's) say early whether a changed plate has gone
//   still again. Once every plate that left its baseline is still, the shelf gives a first reading
//   of the change, measured on that window; a new one whenever the reading moves by more than its
//   own error. Readings drive pending cart lines only: the settled change is what is charged.
// Gaps (dropped samples, a controller offline) restart a plate's windows, never its baseline: when
// data comes back the new level is compared with the old baseline like any other change, and a
// plate that has gone silent does not hold its shelf from settling.
import type { PlateSamples } from '../inputs';
import type { ShelfLayout } from './layout';
import type { ShelfStageOptions } from './options';

/** Plates of one shelf whose weight changed between two stable states. */
export interface SettledChange {
  shelf: number;
  startMs: number;
  /** When the last plate stopped moving (start of its quiet window). */
  endMs: number;
  /** When the shelf was judged settled. */
  t: number;
  /** Slots of the changed plates, in shelf order. */
  slots: number[];
  /** Weight change per slot, grams (negative = removed). */
  deltas: number[];
  /** Variance of each Δw estimate from the plates' noise, g². */
  variances: number[];
}

/** A plate whose first stable weight is known: from then on it has an inventory. */
export interface ReadyPlate {
  slot: number;
  t: number;
}

/** Windows a plate's noise is learned over before it is trusted anyway, however noisy. */
const READY_PATIENCE_WINDOWS = 10;
/** Degrees of freedom the initial σ counts for when the first window's variance is blended with it. */
const PRIOR_NOISE_DOF = 20;
/**
 * A window's variance over n samples scatters around σ² by √(2/(n−1)) (χ² with n−1 dof): at 10 Hz a
 * 0.75 s window has 7 dof and a fixed "2.5 σ²" would call a still plate moving once in 70 windows,
 * enough that a shelf of 18 plates would never all be quiet at once. So the quiet bound is at least
 * this many of those spreads above σ².
 */
const QUIET_SPREADS = 4;

export class Segmenter {
  /** Settled changes not yet taken by the caller, in settle order. */
  readonly settled: SettledChange[] = [];
  /** First readings of shelves still settling (previewWindowS), not yet taken by the caller, oldest first. */
  readonly readings: SettledChange[] = [];
  /** Plates that became ready, not yet taken by the caller. */
  readonly readied: ReadyPlate[] = [];
  /** Samples of plates the store does not know (ignored, counted for diagnostics). */
  unknownSamples = 0;

  private readonly rings: (Float64Array | null)[];
  private readonly nLong: Int32Array;
  private readonly nShort: Int32Array;
  private readonly head: Int32Array;
  private readonly count: Int32Array;
  private readonly sumL: Float64Array;
  private readonly sumSq: Float64Array;
  private readonly sumS: Float64Array;
  /** Samples in the first-reading window, and its running sum and sum of squares. */
  private readonly nPreview: Int32Array;
  private readonly sumP: Float64Array;
  private readonly sumSqP: Float64Array;
  /** Still over the first-reading window when Σ(x − mean)² there is at most this. */
  private readonly previewQuietSumSq: Float64Array;
  /** Each plate's Δw in its shelf's latest first reading (0: not in it) since the shelf turned active. */
  private readonly readDelta: Float64Array;
  /** Scratch for tryReading: each plate's windowReading, so a reading is built from what was checked. */
  private readonly windowReadings: Float64Array;
  /** Level the ring's samples are stored relative to. */
  private readonly ref: Float64Array;
  /** Stable weight, absolute grams. */
  readonly base: Float64Array;
  /** Variance of the baseline as a multiple of the noise variance (1/n after a reset, EMA's factor later). */
  private readonly baseVarFactor: Float64Array;
  readonly ready: Uint8Array;
  private readonly readyTries: Int32Array;
  /** Learned noise variance, g². */
  readonly noiseVar: Float64Array;
  private readonly alpha: Float64Array;
  private readonly dtOf: Float64Array;
  private readonly lastValid: Float64Array;
  private readonly quietSince: Float64Array;
  /** The plate's last completed quiet run in this active period: start, last quiet sample, window sum then (NaN when none). */
  private readonly prevQuietStart: Float64Array;
  private readonly prevQuietEnd: Float64Array;
  private readonly prevQuietSum: Float64Array;
  /** Time and window sum of the latest quiet sample of the current run. */
  private readonly quietLastT: Float64Array;
  private readonly quietLastSum: Float64Array;
  /** Time of the last sample before a gap restarted the windows (NaN when none). */
  private readonly resumeFrom: Float64Array;
  private readonly offline: Uint8Array;
  private readonly absentMs: Float64Array;
  /** Thresholds derived from the learned noise, refreshed when it is (once per window, not per chunk). */
  private readonly activationThr: Float64Array;
  /** Quiet when Σ(x − mean)² over the long window is at most this. */
  private readonly quietSumSq: Float64Array;
  /** The slot after the last one fed: controllers report their plates in a fixed order, so this saves a Map lookup. */
  private nextSlot = 0;

  readonly shelfActive: Uint8Array;
  /** When each shelf's current activity began (meaningful while shelfActive). */
  readonly activeSince: Float64Array;
  /** When each shelf last settled (NaN before its first): what waits on a shelf is released then. */
  readonly settledAt: Float64Array;
  private readonly activeShelves: number[] = [];
  /** Latest data or advance time seen: what "silent for a while" is measured against. */
  private now = -Infinity;

  private readonly floorVar: number;
  private readonly initialVar: number;
  private readonly holdMs: number;

  constructor(
    private readonly layout: ShelfLayout,
    private readonly o: ShelfStageOptions,
  ) {
    const n = layout.plateIds.length;
    this.rings = new Array<Float64Array | null>(n).fill(null);
    this.nLong = new Int32Array(n);
    this.nShort = new Int32Array(n);
    this.head = new Int32Array(n);
    this.count = new Int32Array(n);
    this.sumL = new Float64Array(n);
    this.sumSq = new Float64Array(n);
    this.sumS = new Float64Array(n);
    this.nPreview = new Int32Array(n);
    this.sumP = new Float64Array(n);
    this.sumSqP = new Float64Array(n);
    this.previewQuietSumSq = new Float64Array(n);
    this.readDelta = new Float64Array(n);
    this.windowReadings = new Float64Array(n);
    this.ref = new Float64Array(n);
    this.base = new Float64Array(n);
    this.baseVarFactor = new Float64Array(n).fill(1);
    this.ready = new Uint8Array(n);
    this.readyTries = new Int32Array(n);
    this.noiseVar = new Float64Array(n).fill(o.initialNoiseG * o.initialNoiseG);
    this.alpha = new Float64Array(n);
    this.dtOf = new Float64Array(n).fill(Number.NaN);
    this.lastValid = new Float64Array(n).fill(Number.NaN);
    this.quietSince = new Float64Array(n).fill(Number.NaN);
    this.resumeFrom = new Float64Array(n).fill(Number.NaN);
    this.prevQuietStart = new Float64Array(n).fill(Number.NaN);
    this.prevQuietEnd = new Float64Array(n).fill(Number.NaN);
    this.prevQuietSum = new Float64Array(n);
    this.quietLastT = new Float64Array(n).fill(Number.NaN);
    this.quietLastSum = new Float64Array(n);
    this.offline = new Uint8Array(n);
    this.absentMs = new Float64Array(n).fill(o.absentS * 1000);
    this.activationThr = new Float64Array(n);
    this.quietSumSq = new Float64Array(n);
    this.shelfActive = new Uint8Array(layout.shelfIds.length);
    this.activeSince = new Float64Array(layout.shelfIds.length);
    this.settledAt = new Float64Array(layout.shelfIds.length).fill(Number.NaN);
    this.floorVar = o.noiseFloorG * o.noiseFloorG;
    this.initialVar = o.initialNoiseG * o.initialNoiseG;
    this.holdMs = o.settleHoldS * 1000;
  }

  /** A plate's noise σ as the thresholds use it (learned, floored). */
  sigma(slot: number): number {
    return Math.sqrt(Math.max(this.noiseVar[slot]!, this.floorVar));
  }

  /** A controller (by serial) went offline or came back; its plates' silence is then expected. */
  deviceStatus(device: string, online: boolean): void {
    const slots = this.layout.controllerSlots.get(device);
    if (!slots) return;
    for (const slot of slots) this.offline[slot] = online ? 0 : 1;
  }

  acceptSamples(ps: PlateSamples): void {
    const ids = this.layout.plateIds;
    let p: number | undefined = this.nextSlot;
    if (ids[p] !== ps.plate) p = this.layout.slotOf.get(ps.plate);
    if (p === undefined) {
      this.unknownSamples += ps.grams.length;
      return;
    }
    this.nextSlot = p + 1 < ids.length ? p + 1 : 0;
    const grams = ps.grams;
    const n = grams.length;
    const dt = ps.dt;
    if (n === 0 || !(dt > 0)) return;
    if (dt !== this.dtOf[p]) this.configure(p, dt);
    const o = this.o;
    const s = this.layout.plateShelf[p]!;
    const ring = this.rings[p]!;
    const nL = this.nLong[p]!;
    const nS = this.nShort[p]!;
    const nP = this.nPreview[p]!;
    const gapMs = o.gapS * 1000;
    const actThr = this.activationThr[p]!;
    const quietSumSq = this.quietSumSq[p]!;
    const a = this.alpha[p]!;
    const decay = (1 - a) * (1 - a);
    const a2 = a * a;
    const t0 = ps.t0;

    let head = this.head[p]!;
    let count = this.count[p]!;
    let sumL = this.sumL[p]!;
    let sumSq = this.sumSq[p]!;
    let sumS = this.sumS[p]!;
    let sumP = this.sumP[p]!;
    let sumSqP = this.sumSqP[p]!;
    let ready = this.ready[p]! === 1;
    let ref = this.ref[p]!;
    let baseRel = this.base[p]! - ref;
    let baseVarF = this.baseVarFactor[p]!;
    let lastValid = this.lastValid[p]!;
    let qs = this.quietSince[p]!;
    let qLastT = this.quietLastT[p]!;
    let qLastSum = this.quietLastSum[p]!;
    let pqStart = this.prevQuietStart[p]!;
    let pqEnd = this.prevQuietEnd[p]!;
    let pqSum = this.prevQuietSum[p]!;
    const holdMs = this.holdMs;
    let active = this.shelfActive[s]! === 1;
    let sawValid = false;
    let wrapped = false;

    for (let i = 0; i < n; i++) {
      const raw = grams[i]!;
      if (raw !== raw) continue; // NaN: a dropped sample carries no information, not even "no change"
      const t = t0 + i * dt;
      if (t - lastValid > gapMs) {
        // A silence longer than the windows: what came before is another era, so start them afresh.
        if (count > 0) this.resumeFrom[p] = lastValid;
        if (qs === qs && qLastT - qs >= holdMs) {
          // The plate was quiet up to the silence: remember that, the level may differ after it.
          pqStart = qs;
          pqEnd = qLastT;
          pqSum = qLastSum;
        }
        head = 0;
        count = 0;
        sumL = 0;
        sumSq = 0;
        sumS = 0;
        sumP = 0;
        sumSqP = 0;
        qs = Number.NaN;
      }
      lastValid = t;
      sawValid = true;
      const x = raw - ref;
      if (count === nL) {
        const old = ring[head]!;
        sumL -= old;
        sumSq -= old * old;
        if (ready && !active) {
          // The sample leaving the long window predates any change not yet detected: safe to learn from.
          baseRel += a * (old - baseRel);
          baseVarF = baseVarF * decay + a2;
        }
      } else count++;
      ring[head] = x;
      sumL += x;
      sumSq += x * x;
      sumS += x;
      sumP += x;
      sumSqP += x * x;
      if (count > nS) {
        let j = head - nS;
        if (j < 0) j += nL;
        sumS -= ring[j]!;
      }
      if (count > nP) {
        let j = head - nP;
        if (j < 0) j += nL;
        const old = ring[j]!;
        sumP -= old;
        sumSqP -= old * old;
      }
      head++;
      if (head === nL) {
        head = 0;
        if (count === nL) {
          wrapped = true;
          // Exact sums once per window, so rounding of the running updates cannot accumulate.
          sumL = 0;
          sumSq = 0;
          for (let j = 0; j < nL; j++) {
            const v = ring[j]!;
            sumL += v;
            sumSq += v * v;
          }
          sumS = 0;
          for (let j = nL - nS; j < nL; j++) sumS += ring[j]!;
          sumP = 0;
          sumSqP = 0;
          for (let j = nL - nP; j < nL; j++) {
            const v = ring[j]!;
            sumP += v;
            sumSqP += v * v;
          }
          const variance = (sumSq - (sumL * sumL) / nL) / (nL - 1);
          if (!ready) {
            this.readyTries[p] = this.readyTries[p]! + 1;
            if (variance <= o.quietVarianceRatio * this.initialVar || this.readyTries[p]! >= READY_PATIENCE_WINDOWS) {
              ready = true;
              const m = sumL / nL;
              ref += m;
              for (let j = 0; j < nL; j++) ring[j] = ring[j]! - m;
              sumS -= nS * m;
              sumSqP += nP * m * m - 2 * m * sumP;
              sumP -= nP * m;
              sumSq = variance * (nL - 1);
              sumL = 0;
              baseRel = 0;
              baseVarF = 1 / nL;
              // One short window is a poor estimate of σ² (7 dof at 10 Hz): blend it with the prior.
              const blended = (variance * (nL - 1) + this.initialVar * PRIOR_NOISE_DOF) / (nL - 1 + PRIOR_NOISE_DOF);
              this.noiseVar[p] = Math.max(blended, this.floorVar);
              this.readied.push({ slot: p, t });
            }
          } else if (!active) {
            const nv = this.noiseVar[p]!;
            this.noiseVar[p] = nv + ((nL * dt) / (o.noiseTauS * 1000)) * (Math.min(variance, 4 * nv) - nv);
          }
        }
      }
      if (!ready) continue;
      if (!active) {
        const cS = count < nS ? count : nS;
        const d = sumS / cS - baseRel;
        const thr = cS === nS ? actThr : actThr * Math.sqrt(nS / cS);
        if (d > thr || d < -thr) {
          const resume = this.resumeFrom[p]!;
          this.activate(s, count < nL && resume === resume ? resume : t);
          active = true;
          qs = Number.NaN;
          pqStart = Number.NaN;
        }
      } else if (count === nL && sumSq - (sumL * sumL) / nL <= quietSumSq) {
        if (qs !== qs) qs = t;
        qLastT = t;
        qLastSum = sumL;
      } else {
        if (qs === qs && qLastT - qs >= holdMs) {
          pqStart = qs;
          pqEnd = qLastT;
          pqSum = qLastSum;
        }
        qs = Number.NaN;
      }
    }

    this.head[p] = head;
    this.count[p] = count;
    this.sumL[p] = sumL;
    this.sumSq[p] = sumSq;
    this.sumS[p] = sumS;
    this.sumP[p] = sumP;
    this.sumSqP[p] = sumSqP;
    this.ready[p] = ready ? 1 : 0;
    this.ref[p] = ref;
    this.base[p] = baseRel + ref;
    this.baseVarFactor[p] = baseVarF;
    this.lastValid[p] = lastValid;
    this.quietSince[p] = qs;
    this.quietLastT[p] = qLastT;
    this.quietLastSum[p] = qLastSum;
    this.prevQuietStart[p] = pqStart;
    this.prevQuietEnd[p] = pqEnd;
    this.prevQuietSum[p] = pqSum;
    if (count === nL) this.resumeFrom[p] = Number.NaN;
    if (sawValid) this.offline[p] = 0;
    if (wrapped) this.retune(p);
    const span = n * dt;
    if (2 * span > this.absentMs[p]!) this.absentMs[p] = 2 * span;
    const end = t0 + (n - 1) * dt;
    if (end > this.now) this.now = end;
    // A plate moving with no quiet run behind it holds its shelf: no need to look at the others.
    if (active && (qs === qs || pqStart === pqStart)) this.trySettle(s, false);
    // Only a plate in the reading (changed, or in the last one) can make a new reading possible.
    if (this.shelfActive[s] === 1 && (this.readDelta[p] !== 0 || this.windowReading(p) !== 0)) this.tryReading(s);
  }

  /** Store time moved on: shelves whose plates have all gone quiet (or silent) can settle. */
  advance(t: number): void {
    if (t > this.now) this.now = t;
    // Backwards, because settling removes the shelf from the list.
    const active = this.activeShelves;
    for (let i = active.length - 1; i >= 0; i--) this.trySettle(active[i]!, false);
  }

  /** The stream ended: settle what is quiet now; a shelf still moving has no "after" to measure. */
  finish(t: number): void {
    this.advance(t);
    for (const s of [...this.activeShelves]) {
      if (!this.trySettle(s, true)) this.deactivate(s);
    }
  }

  /** Thresholds from the plate's current noise estimate and window sizes. */
  private retune(p: number): void {
    const o = this.o;
    const sigma2 = Math.max(this.noiseVar[p]!, this.floorVar);
    this.activationThr[p] = Math.max(o.activationFloorG, (o.activationK * Math.sqrt(sigma2)) / Math.sqrt(this.nShort[p]!));
    const dof = this.nLong[p]! - 1;
    const ratio = Math.max(o.quietVarianceRatio, 1 + QUIET_SPREADS * Math.sqrt(2 / dof));
    this.quietSumSq[p] = ratio * sigma2 * dof;
    const previewDof = this.nPreview[p]! - 1;
    this.previewQuietSumSq[p] = Math.max(o.quietVarianceRatio, 1 + QUIET_SPREADS * Math.sqrt(2 / previewDof)) * sigma2 * previewDof;
  }

  private configure(p: number, dt: number): void {
    const nL = Math.max(3, Math.round((this.o.longWindowS * 1000) / dt));
    const nS = Math.max(1, Math.min(nL - 1, Math.round((this.o.shortWindowS * 1000) / dt)));
    // At least three samples, or "still" means nothing; fewer than the ring, whose oldest slot is overwritten first.
    const nP = Math.max(3, Math.min(nL - 1, Math.round((this.o.previewWindowS * 1000) / dt)));
    this.dtOf[p] = dt;
    this.nLong[p] = nL;
    this.nShort[p] = nS;
    this.nPreview[p] = nP;
    this.rings[p] = new Float64Array(nL);
    this.alpha[p] = Math.min(1, dt / (this.o.baselineTauS * 1000));
    if (this.count[p]! > 0) this.resumeFrom[p] = this.lastValid[p]!;
    this.head[p] = 0;
    this.count[p] = 0;
    this.sumL[p] = 0;
    this.sumSq[p] = 0;
    this.sumS[p] = 0;
    this.sumP[p] = 0;
    this.sumSqP[p] = 0;
    this.quietSince[p] = Number.NaN;
    this.prevQuietStart[p] = Number.NaN;
    this.retune(p);
  }

  private activate(s: number, startMs: number): void {
    this.shelfActive[s] = 1;
    this.activeSince[s] = startMs;
    this.activeShelves.push(s);
    const { shelfStart } = this.layout;
    for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) {
      this.quietSince[q] = Number.NaN;
      this.prevQuietStart[q] = Number.NaN;
      this.readDelta[q] = 0;
    }
  }

  private deactivate(s: number): void {
    this.shelfActive[s] = 0;
    const i = this.activeShelves.indexOf(s);
    if (i >= 0) this.activeShelves.splice(i, 1);
  }

  private present(q: number): boolean {
    return this.ready[q] === 1 && this.offline[q] === 0 && this.now - this.lastValid[q]! <= this.absentMs[q]!;
  }

  /**
   * Settles shelf s at the earliest moment every present plate was quiet for the hold time and has
   * been heard past. First with each plate's last completed quiet run where it has one (the plate
   * has moved again since: that movement is the next event), then with every plate quiet now.
   * `atEnd` skips the wait for data past the hold (the stream has ended). Returns whether it settled.
   */
  private trySettle(s: number, atEnd: boolean): boolean {
    const { shelfStart } = this.layout;
    const from = shelfStart[s]!;
    const to = shelfStart[s + 1]!;
    const holdMs = this.holdMs;
    if (!atEnd) {
      let start = -Infinity;
      let end = Infinity;
      let earlier = false;
      let feasible = true;
      for (let q = from; q < to; q++) {
        if (!this.present(q)) continue;
        const pq = this.prevQuietStart[q]!;
        if (pq === pq) {
          earlier = true;
          if (pq > start) start = pq;
          if (this.prevQuietEnd[q]! < end) end = this.prevQuietEnd[q]!;
          continue;
        }
        const qs = this.quietSince[q]!;
        if (qs !== qs) {
          feasible = false;
          break;
        }
        if (qs > start) start = qs;
        if (this.lastValid[q]! < end) end = this.lastValid[q]!;
      }
      if (feasible && earlier && start + holdMs <= end) {
        this.settle(s, start + holdMs, start, false, true);
        return true;
      }
    }
    let latestQuiet = -Infinity;
    let earliestHeard = Infinity;
    let present = 0;
    let moving = false;
    for (let q = from; q < to; q++) {
      if (!this.present(q)) continue;
      present++;
      const qs = this.quietSince[q]!;
      if (qs !== qs) {
        moving = true;
        break;
      }
      if (qs > latestQuiet) latestQuiet = qs;
      if (this.lastValid[q]! < earliestHeard) earliestHeard = this.lastValid[q]!;
    }
    if (moving) {
      if (!atEnd && this.now - this.activeSince[s]! > this.o.maxActiveS * 1000) {
        this.settle(s, this.now, this.now, true, false);
        return true;
      }
      return false;
    }
    if (present === 0) return false;
    const tSettle = latestQuiet + holdMs;
    if (!atEnd && earliestHeard < tSettle) return false;
    this.settle(s, atEnd ? Math.min(tSettle, earliestHeard) : tSettle, latestQuiet, false, false);
    return true;
  }

  /**
   * A first reading of active shelf s, when every present plate that left its baseline (or was in
   * the last reading) has been still over the first-reading window, and the reading differs from
   * the last one by more than its error on some plate. Plates still at their baseline count as
   * unchanged however noisy their newest samples are, so an idle neighbour cannot hold a reading
   * back. A reading with no plates says the weights are back where they were.
   */
  private tryReading(s: number): void {
    const { shelfStart } = this.layout;
    const readings = this.windowReadings;
    let t = -Infinity;
    let differs = false;
    for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) {
      const reading = this.present(q) ? this.windowReading(q) : 0;
      readings[q] = reading;
      if (reading === 0 && this.readDelta[q] === 0) continue;
      const n = this.nPreview[q]!;
      if (reading !== reading || this.sumSqP[q]! - (this.sumP[q]! * this.sumP[q]!) / n > this.previewQuietSumSq[q]!) return;
      if (Math.abs(reading - this.readDelta[q]!) > this.readingThreshold(q, n)) differs = true;
      if (this.lastValid[q]! > t) t = this.lastValid[q]!;
    }
    if (!differs) return;
    const slots: number[] = [];
    const deltas: number[] = [];
    const variances: number[] = [];
    for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) {
      const reading = readings[q]!;
      this.readDelta[q] = reading;
      if (reading === 0) continue;
      slots.push(q);
      deltas.push(reading);
      variances.push(Math.max(this.noiseVar[q]!, this.floorVar) * (1 / this.nPreview[q]! + this.baseVarFactor[q]!));
    }
    const startMs = this.activeSince[s]!;
    this.readings.push({ shelf: s, startMs, endMs: Math.max(startMs, t - this.o.previewWindowS * 1000), t, slots, deltas, variances });
  }

  /**
   * Plate q's Δw over its newest first-reading window when it sits away from its baseline by more
   * than its error; 0 when it does not; NaN until the window is full.
   */
  private windowReading(q: number): number {
    const n = this.nPreview[q]!;
    if (this.count[q]! < n) return Number.NaN;
    const d = this.sumP[q]! / n + this.ref[q]! - this.base[q]!;
    const thr = this.readingThreshold(q, n);
    return d > thr || d < -thr ? d : 0;
  }

  /** |Δw| above which plate q counts as changed, measured over n samples against its baseline. */
  private readingThreshold(q: number, n: number): number {
    const variance = Math.max(this.noiseVar[q]!, this.floorVar) * (1 / n + this.baseVarFactor[q]!);
    return Math.max(this.o.minDeltaG, this.o.deltaK * Math.sqrt(variance));
  }

  /**
   * Measures Δw on every present plate and ends the active period. `earlier`: plates with a
   * remembered quiet run are measured on it, and since they moved again the shelf stays active,
   * from the first of those movements.
   */
  private settle(s: number, t: number, latestQuiet: number, forced: boolean, earlier: boolean): void {
    const { shelfStart } = this.layout;
    const o = this.o;
    const slots: number[] = [];
    const deltas: number[] = [];
    const variances: number[] = [];
    let movedAgainAt = Infinity;
    for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) {
      if (!this.present(q)) continue;
      const count = this.count[q]!;
      const fromRun = earlier && this.prevQuietStart[q] === this.prevQuietStart[q];
      if (fromRun && this.prevQuietEnd[q]! < movedAgainAt) movedAgainAt = this.prevQuietEnd[q]!;
      const n = fromRun ? this.nLong[q]! : count;
      if (n === 0) continue;
      const mean = (fromRun ? this.prevQuietSum[q]! : this.sumL[q]!) / n;
      const quiet = fromRun || this.quietSince[q] === this.quietSince[q];
      if (forced && !quiet) {
        // Still moving after maxActiveS: a faulty or vibrating plate. Take its level as it is and
        // accept its noise as its own, so it stops holding the shelf; charge nobody for it.
        const variance = n > 1 ? (this.sumSq[q]! - (this.sumL[q]! * this.sumL[q]!) / n) / (n - 1) : 0;
        this.noiseVar[q] = Math.max(this.noiseVar[q]!, variance);
        this.retune(q);
        this.rebase(q, mean, n);
        continue;
      }
      const after = mean + this.ref[q]!;
      const delta = after - this.base[q]!;
      const sigma2 = Math.max(this.noiseVar[q]!, this.floorVar);
      const variance = sigma2 * (1 / n + this.baseVarFactor[q]!);
      const thr = Math.max(o.minDeltaG, o.deltaK * Math.sqrt(variance));
      if (delta > thr || delta < -thr) {
        slots.push(q);
        deltas.push(delta);
        variances.push(variance);
        this.rebase(q, mean, n);
      }
    }
    const startMs = this.activeSince[s]!;
    this.settledAt[s] = t;
    // The settled change replaces any first reading; what moves next is read afresh.
    for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) this.readDelta[q] = 0;
    if (earlier && movedAgainAt < Infinity) {
      // Still active: the remembered runs are used up, the current ones carry on.
      this.activeSince[s] = movedAgainAt;
      for (let q = shelfStart[s]!; q < shelfStart[s + 1]!; q++) this.prevQuietStart[q] = Number.NaN;
    } else this.deactivate(s);
    if (slots.length === 0) return;
    const endMs = Math.max(startMs, Math.min(t, latestQuiet - o.longWindowS * 1000));
    this.settled.push({ shelf: s, startMs, endMs, t, slots, deltas, variances });
  }

  /**
   * The plate's new stable level is `mean` (relative to its reference), measured over `nWindow`
   * samples: re-centre the ring, its sums and the remembered quiet sums on it.
   */
  private rebase(q: number, mean: number, nWindow: number): void {
    const ring = this.rings[q]!;
    for (let j = 0; j < ring.length; j++) ring[j] = ring[j]! - mean;
    this.ref[q] = this.ref[q]! + mean;
    this.base[q] = this.ref[q]!;
    this.baseVarFactor[q] = 1 / nWindow;
    // The sums follow the shift exactly: Σ(x−m) = S − n·m, Σ(x−m)² = Q − 2m·S + n·m².
    const n = this.count[q]!;
    const sumL = this.sumL[q]!;
    this.sumSq[q] = Math.max(0, this.sumSq[q]! - 2 * mean * sumL + n * mean * mean);
    this.sumL[q] = sumL - n * mean;
    this.sumS[q] = this.sumS[q]! - Math.min(this.nShort[q]!, n) * mean;
    const nP = Math.min(this.nPreview[q]!, n);
    this.sumSqP[q] = Math.max(0, this.sumSqP[q]! - 2 * mean * this.sumP[q]! + nP * mean * mean);
    this.sumP[q] = this.sumP[q]! - nP * mean;
    const nL = this.nLong[q]!;
    this.quietLastSum[q] = this.quietLastSum[q]! - nL * mean;
    this.prevQuietSum[q] = this.prevQuietSum[q]! - nL * mean;
  }
}
