// Cuts ffmpeg's rawvideo byte stream into frames. A pipe delivers chunks of any size (64 KiB on
// Linux), so a frame usually spans several chunks and a chunk may end one frame and start the next.
import type { CaptureFormat } from './ffmpeg-args';
import { frameBytes } from './ffmpeg-args';
import type { LatestFrame } from './latest-frame';

export class FrameAssembler {
  private buffer: Uint8Array;
  private filled = 0;
  private seq = 0;
  private readonly size: number;

  constructor(
    private readonly format: CaptureFormat,
    private readonly sink: LatestFrame,
    private readonly now: () => number = Date.now,
  ) {
    this.size = frameBytes(format);
    if (sink.frameBytes !== this.size) throw new Error(`frame sink holds ${sink.frameBytes}-byte frames, the format needs ${this.size}`);
    this.buffer = sink.acquire();
  }

  /** Frames completed so far. */
  get frames(): number {
    return this.seq;
  }

  /** Bytes of an incomplete frame (non-zero when a stream ends mid-frame). */
  get partialBytes(): number {
    return this.filled;
  }

  push(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      const n = Math.min(this.size - this.filled, chunk.length - offset);
      this.buffer.set(chunk.subarray(offset, offset + n), this.filled);
      this.filled += n;
      offset += n;
      if (this.filled === this.size) {
        const { width, height, fps } = this.format;
        this.sink.publish({ data: this.buffer, width, height, seq: this.seq, ptsMs: (this.seq * 1000) / fps, capturedAtMs: this.now() });
        this.seq++;
        this.buffer = this.sink.acquire();
        this.filled = 0;
      }
    }
  }

  /** Gives the unfinished buffer back; the assembler is not used after this. */
  dispose(): void {
    this.sink.recycle(this.buffer);
    this.filled = 0;
  }
}
