// Exact timestamps in few bytes. Times within a batch never go backwards, so each is stored as the
// gap to the previous one: a varint of whole microseconds when the time is an exact microsecond
// (integer-ms and µs clocks, the common case: 1-3 bytes), or the raw float64 when it is not
// (e.g. k × 1000/60 ms). Replay must hand the engine the very same numbers the live engine saw,
// so nothing is rounded.
import type { ByteReader, ByteWriter } from './bytes';
import { PayloadProblem } from './errors';

/** |t| beyond this would make t × 1000 an unsafe integer. About 285 years of epoch milliseconds. */
export const maxAbsTimeMs = 9e12;

const FLOAT_TAG = 1;

/** Whole microseconds of t when t is exactly that many µs, else undefined. */
function exactMicros(t: number): number | undefined {
  const us = Math.round(t * 1000);
  return us / 1000 === t ? us : undefined;
}

export class TimeWriter {
  private prevUs = 0;

  /** Starts a batch: the first time is coded against its floor, the batch row's t0Ms. */
  begin(t0Ms: number): void {
    this.prevUs = t0Ms * 1000;
  }

  write(out: ByteWriter, t: number): void {
    const us = exactMicros(t);
    if (us !== undefined && us >= this.prevUs) {
      out.varint((us - this.prevUs) * 2);
      this.prevUs = us;
    } else {
      out.varint(FLOAT_TAG);
      out.f64(t);
      this.prevUs = Math.round(t * 1000);
    }
  }

  /** A time the reader will compute itself (a run continuing the previous one). */
  skipTo(t: number): void {
    this.prevUs = Math.round(t * 1000);
  }
}

export class TimeReader {
  private prevUs = 0;
  private prevT = 0;

  begin(t0Ms: number): void {
    this.prevUs = t0Ms * 1000;
    this.prevT = t0Ms;
  }

  read(r: ByteReader, what: string): number {
    const code = r.varint(what);
    let t: number;
    if (code === FLOAT_TAG) {
      t = r.f64(what);
      if (!(Math.abs(t) <= maxAbsTimeMs)) throw new PayloadProblem(`${what} is not a valid time (${t})`);
    } else if (code % 2 === 0) {
      t = (this.prevUs + code / 2) / 1000;
      if (!(Math.abs(t) <= maxAbsTimeMs)) throw new PayloadProblem(`${what} is not a valid time (${t})`);
    } else {
      throw new PayloadProblem(`${what} has an unknown time code ${code}`);
    }
    return this.accept(t, what);
  }

  skipTo(t: number, what: string): number {
    return this.accept(t, what);
  }

  private accept(t: number, what: string): number {
    if (t < this.prevT) throw new PayloadProblem(`${what} (${t}) goes back in time (previous ${this.prevT})`);
    this.prevT = t;
    this.prevUs = Math.round(t * 1000);
    return t;
  }
}

/**
 * A sample period: whole µs as an even varint, 1000/k ms (a k-Hz plate: 60 Hz is not a whole
 * number of µs) as 4k+1, anything else as 3 + float64.
 */
export function writePeriod(out: ByteWriter, dt: number): void {
  const us = exactMicros(dt);
  if (us !== undefined) {
    out.varint(us * 2);
    return;
  }
  const hz = Math.round(1000 / dt);
  if (hz >= 1 && 1000 / hz === dt) {
    out.varint(hz * 4 + 1);
    return;
  }
  out.varint(3);
  out.f64(dt);
}

export function readPeriod(r: ByteReader, what: string): number {
  const code = r.varint(what);
  let dt: number;
  if (code % 2 === 0) dt = code / 2 / 1000;
  else if (code === 3) dt = r.f64(what);
  else if (code % 4 === 1) dt = 1000 / ((code - 1) / 4);
  else throw new PayloadProblem(`${what} has an unknown period code ${code}`);
  if (!(dt > 0 && dt <= maxAbsTimeMs)) throw new PayloadProblem(`${what} is not a valid sample period (${dt})`);
  return dt;
}
