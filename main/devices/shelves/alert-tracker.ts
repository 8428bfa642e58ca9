// Which plate statuses become alerts, and when. A plate must stay out of 'online' for a while before
// an alert is raised (every plate is "offline: no samples yet" for the first second of a run, and a
// controller re-plugged within seconds is not worth a record), and an alert clears as soon as the
// plate is back. Only changes come out, so the database sees a write per episode, not per report.
import type { DeviceAlertChange } from '../../db';
import type { PlateStatus } from './plate-health';

export interface PlateStatusSample {
  plate: string;
  status: PlateStatus;
  detail: string;
}

export const plateSubject = (plate: string): string => `plate:${plate}`;

export class AlertTracker {
  /** Open alerts: subject → status raised. */
  private readonly raised = new Map<string, string>();
  /** Subjects out of 'online' but not raised yet: since when, with which status. */
  private readonly pending = new Map<string, { status: string; since: number }>();

  constructor(
    open: readonly { subject: string; status: string }[],
    private readonly raiseAfterMs = 10_000,
  ) {
    for (const alert of open) this.raised.set(alert.subject, alert.status);
  }

  /** The statuses at store time `t`; returns the alert changes to persist. */
  observe(samples: readonly PlateStatusSample[], t: number): DeviceAlertChange[] {
    const changes: DeviceAlertChange[] = [];
    for (const { plate, status, detail } of samples) {
      const subject = plateSubject(plate);
      const raised = this.raised.get(subject);
      if (status === 'online') {
        this.pending.delete(subject);
        if (raised !== undefined) {
          this.raised.delete(subject);
          changes.push({ subject, status: null, detail });
        }
        continue;
      }
      if (raised === status) continue;
      const pending = this.pending.get(subject);
      if (!pending || pending.status !== status) {
        this.pending.set(subject, { status, since: t });
        if (this.raiseAfterMs > 0) continue;
      } else if (t - pending.since < this.raiseAfterMs) continue;
      this.pending.delete(subject);
      this.raised.set(subject, status);
      changes.push({ subject, status, detail });
    }
    return changes;
  }
}
