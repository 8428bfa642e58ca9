// The live engine's decisions on their way into the store's database. A decision is stored only
// once every input it could rest on is committed to the input log, so that after a crash, replaying
// the log reproduces every stored decision and recovery can tell them from new ones. Receipts do
// not wait for the recorder's next commit: a pending receipt makes it commit now (an exit must
// reach payments within seconds; a second's extra batches per receipt is cheap).
import type { StoreDatabase, StoredDecisionInput } from '../db';
import type { RecordingWriter } from '../recording';

interface Pending {
  decision: StoredDecisionInput;
  /** The engine's time when it was made: it rests on inputs up to this time. */
  at: number;
}

const none: ReadonlySet<string> = new Set();

export class DecisionJournal {
  private readonly pending: Pending[] = [];

  constructor(
    private readonly db: Pick<StoreDatabase, 'liveRuns'>,
    private readonly runId: number,
    private readonly writer: Pick<RecordingWriter, 'flush' | 'committedThroughMs'>,
  ) {}

  add(decision: StoredDecisionInput, at: number): void {
    this.pending.push({ decision, at });
  }

  get waiting(): number {
    return this.pending.length;
  }

  /**
   * Stores what its inputs allow (everything, after a flush, when a receipt waits), with the time
   * reached; returns the kinds of decision stored.
   */
  commit(reachedMs: number): ReadonlySet<string> {
    if (this.pending.length === 0) return none;
    if (this.pending.some((p) => p.decision.kind === 'receipt')) this.writer.flush();
    const through = this.writer.committedThroughMs;
    let ready = 0;
    while (ready < this.pending.length && this.pending[ready]!.at < through) ready++;
    if (ready === 0) return none;
    const stored = this.pending.splice(0, ready).map((p) => p.decision);
    this.db.liveRuns.commit(this.runId, stored, reachedMs);
    return new Set(stored.map((d) => d.kind));
  }
}
