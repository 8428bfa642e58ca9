// The listener bookkeeping every HidTransport needs: report listeners, close listeners that fire
// exactly once, and nothing delivered after the close. Shared by the node-hid adapter and the fake.
import type { HidCloseInfo, Unsubscribe } from './transport';

export class TransportEvents {
  private readonly reportListeners = new Set<(report: Uint8Array) => void>();
  private readonly closeListeners = new Set<(info: HidCloseInfo) => void>();
  /** Why the transport stopped; null while it is open. */
  closedWith: HidCloseInfo | null = null;

  onReport(listener: (report: Uint8Array) => void): Unsubscribe {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe {
    this.closeListeners.add(listener);
    return () => this.closeListeners.delete(listener);
  }

  /** Hands one input report to every listener; ignored once closed. */
  deliver(report: Uint8Array): void {
    if (this.closedWith) return;
    for (const listener of [...this.reportListeners]) listener(report);
  }

  /** Closes once: later calls change nothing. */
  finish(info: HidCloseInfo): void {
    if (this.closedWith) return;
    this.closedWith = info;
    this.reportListeners.clear();
    for (const listener of [...this.closeListeners]) listener(info);
    this.closeListeners.clear();
  }
}
