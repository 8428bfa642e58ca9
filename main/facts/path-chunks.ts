// Compact track paths: a floor track's points kept at a fixed rate (2 Hz by default) and packed into
// chunks of little-endian Float32 triples (seconds since the chunk's start, x, y in metres), 12 bytes
// a point. A chunk is one row: a minute of a shopper's walk costs about 1.4 kB.

export const BYTES_PER_POINT = 12;

export interface PathChunk {
  trackId: number;
  t0Ms: number;
  t1Ms: number;
  count: number;
  /** count × (seconds since t0Ms, x, y), Float32 little-endian. */
  points: Uint8Array;
}

export interface PathPoints {
  /** Absolute times, ms. */
  t: Float64Array;
  x: Float32Array;
  y: Float32Array;
}

export interface PathOptions {
  /** At most one point per this many ms; DESIGN: 2 Hz. */
  intervalMs: number;
  /** Points per chunk before it is closed. */
  pointsPerChunk: number;
}

export const defaultPathOptions: PathOptions = { intervalMs: 500, pointsPerChunk: 120 };

/** One track's path being written: decides which points to keep and closes full chunks. */
export class PathRecorder {
  private readonly buffer: Float32Array;
  private count = 0;
  private t0 = 0;
  private t1 = 0;
  private lastKept = -Infinity;

  constructor(
    readonly trackId: number,
    private readonly options: PathOptions = defaultPathOptions,
  ) {
    this.buffer = new Float32Array(options.pointsPerChunk * 3);
  }

  /** Offers a point; returns true when it was kept (the caller counts kept points for the heatmap). */
  offer(t: number, x: number, y: number, full: PathChunk[]): boolean {
    if (t - this.lastKept < this.options.intervalMs) return false;
    this.lastKept = t;
    if (this.count === 0) this.t0 = t;
    const o = this.count * 3;
    this.buffer[o] = (t - this.t0) / 1000;
    this.buffer[o + 1] = x;
    this.buffer[o + 2] = y;
    this.t1 = t;
    if (++this.count === this.options.pointsPerChunk) full.push(this.take());
    return true;
  }

  /** The points not yet in a chunk, as a last (shorter) chunk; undefined when there are none. */
  flush(): PathChunk | undefined {
    return this.count > 0 ? this.take() : undefined;
  }

  private take(): PathChunk {
    const points = new Uint8Array(this.count * BYTES_PER_POINT);
    const view = new DataView(points.buffer);
    for (let i = 0; i < this.count * 3; i++) view.setFloat32(i * 4, this.buffer[i]!, true);
    const chunk = { trackId: this.trackId, t0Ms: this.t0, t1Ms: this.t1, count: this.count, points };
    this.count = 0;
    return chunk;
  }
}

/** Decodes chunks (of one track, in time order) into flat arrays; a damaged chunk is an error, not a guess. */
export function decodePath(chunks: readonly Pick<PathChunk, 't0Ms' | 'count' | 'points'>[]): PathPoints {
  const total = chunks.reduce((n, c) => n + c.count, 0);
  const out: PathPoints = { t: new Float64Array(total), x: new Float32Array(total), y: new Float32Array(total) };
  let k = 0;
  for (const chunk of chunks) {
    if (chunk.points.byteLength !== chunk.count * BYTES_PER_POINT) {
      throw new RangeError(`path chunk at ${chunk.t0Ms} holds ${chunk.points.byteLength} bytes, expected ${chunk.count * BYTES_PER_POINT} for ${chunk.count} points`);
    }
    const view = new DataView(chunk.points.buffer, chunk.points.byteOffset, chunk.points.byteLength);
    for (let i = 0; i < chunk.count; i++, k++) {
      out.t[k] = chunk.t0Ms + Math.round(view.getFloat32(i * 12, true) * 1000);
      out.x[k] = view.getFloat32(i * 12 + 4, true);
      out.y[k] = view.getFloat32(i * 12 + 8, true);
    }
  }
  return out;
}
