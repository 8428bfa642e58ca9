// Inputs from real devices arrive on their own schedules (one controller's 100 ms chunk before
// another's that started earlier), but the engine takes inputs in store-time order. This queue holds
// them for a short latency and releases them in order, like the simulator's PacedFeed releases its
// inputs, so the live runner drives both the same way. An input older than what the engine has
// already been advanced to cannot be fed any more: it is dropped and counted, never reordered into
// the past.
import { inputTime, type EngineInput } from '../../engine/inputs';
import { MinHeap } from '../../recording/min-heap';

interface Queued {
  input: EngineInput;
  t: number;
  seq: number;
}

export class DeviceInputQueue {
  private readonly heap = new MinHeap<Queued>((a, b) => a.t < b.t || (a.t === b.t && a.seq < b.seq));
  private seq = 0;
  private released = Number.NEGATIVE_INFINITY;
  /** Inputs that arrived after their time had been released. */
  late = 0;

  constructor(
    /** The store clock (ms), shared with the device feed. */
    private readonly storeNow: () => number,
    private readonly latencyMs = 300,
  ) {}

  get pending(): number {
    return this.heap.size;
  }

  push(input: EngineInput): void {
    const t = inputTime(input);
    if (t < this.released) {
      this.late++;
      return;
    }
    this.heap.push({ input, t, seq: this.seq++ });
  }

  /** Hands every input older than the latency to `sink`, in time order; returns the store time reached. */
  pump(_wallMs: number, sink: (input: EngineInput) => void): number {
    const due = this.storeNow() - this.latencyMs;
    for (let top = this.heap.peek(); top && top.t <= due; top = this.heap.peek()) {
      this.heap.pop();
      sink(top.input);
    }
    if (due > this.released) this.released = due;
    return this.released;
  }
}
