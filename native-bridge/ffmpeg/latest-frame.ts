// The hand-over between a camera's capture and whatever processes its frames. Only the newest
// complete frame waits: when a new one arrives before the waiting one was taken, the waiting one is
// dropped and counted, so a slow consumer always works on the present instead of falling behind.
// Frame buffers are recycled through a small pool: at 10 fps a 640×360 camera would otherwise
// allocate 7 MB a second.

export interface RawFrame {
  /** rgb24, row-major, width × height × 3 bytes. */
  readonly data: Uint8Array;
  readonly width: number;
  readonly height: number;
  /** Output frame number since the capture (re)started. */
  readonly seq: number;
  /** Media time of the frame from the start of the stream, ms (seq / fps: the output is constant rate). */
  readonly ptsMs: number;
  /** Wall-clock time the frame's last byte arrived, ms since the epoch. */
  readonly capturedAtMs: number;
}

export interface FrameCounters {
  /** Complete frames received. */
  received: number;
  /** Frames replaced by a newer one before anybody took them. */
  dropped: number;
  /** Frames taken by the consumer. */
  taken: number;
}

export class LatestFrame {
  private readonly free: Uint8Array[] = [];
  private waiting: RawFrame | null = null;
  readonly counters: FrameCounters = { received: 0, dropped: 0, taken: 0 };

  constructor(readonly frameBytes: number) {}

  /** A buffer to fill with the next frame; give it back through publish or recycle. */
  acquire(): Uint8Array {
    return this.free.pop() ?? new Uint8Array(this.frameBytes);
  }

  publish(frame: RawFrame): void {
    this.counters.received++;
    if (this.waiting) {
      this.counters.dropped++;
      this.recycle(this.waiting.data);
    }
    this.waiting = frame;
  }

  /** The newest frame not yet taken, or null; hand its buffer back with recycle when done. */
  take(): RawFrame | null {
    const frame = this.waiting;
    this.waiting = null;
    if (frame) this.counters.taken++;
    return frame;
  }

  get hasFrame(): boolean {
    return this.waiting !== null;
  }

  recycle(buffer: Uint8Array): void {
    // Buffers of another size (the format changed) are left to the garbage collector.
    if (buffer.byteLength === this.frameBytes && this.free.length < 4) this.free.push(buffer);
  }

  /** Forgets a waiting frame without counting it as dropped (the capture restarted). */
  clear(): void {
    if (this.waiting) this.recycle(this.waiting.data);
    this.waiting = null;
  }
}
