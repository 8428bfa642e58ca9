// What every gate scanner gives the host, whatever it speaks on the wire: whole codes as text with
// the store-clock time the first byte of the code arrived, and errors that name the bad bytes. The
// two HID decoders (keyboard wedge, HID POS) implement ScannerReader on top of a HidTransport.
import type { HidCloseInfo, HidTransport, Unsubscribe } from '../transport';
import { toHex } from '../transport';
import { Listeners } from '../listeners';

export type ScannerKind = 'keyboard-wedge' | 'hid-pos';

export interface ScannedCode {
  text: string;
  /** AIM symbology identifier (e.g. "]Q1" for a QR code) when the scanner sends one. */
  symbology?: string;
  /**
   * Store-clock ms of the code's last report, when it was whole: a wedge typing 150 characters takes
   * a few hundred ms, and a code is stamped when the host could act on it, so that inputs reach the
   * engine in time order.
   */
  t: number;
  /** Store-clock ms of its first report. */
  startedMs: number;
  /** Reports the code took. */
  reports: number;
}

/**
 * 'malformed-report': bytes that are not a report of this kind (the report is dropped).
 * 'unreadable-code': a code that arrived damaged (a key this layout cannot type, key rollover, a
 *   broken continuation) and is dropped whole, because a code with a character missing is a
 *   different code. 'incomplete-code': the scanner stopped mid-code (no terminator in time).
 */
export type ScannerErrorKind = 'malformed-report' | 'unreadable-code' | 'incomplete-code';

export class ScannerError extends Error {
  constructor(
    readonly kind: ScannerErrorKind,
    message: string,
    readonly bytes?: Uint8Array,
  ) {
    super(bytes ? `${message} (${toHex(bytes)})` : message);
    this.name = 'ScannerError';
  }
}

export interface ScannerStats {
  reports: number;
  codes: number;
  malformedReports: number;
  droppedCodes: number;
}

export interface ScannerReader {
  readonly kind: ScannerKind;
  readonly stats: Readonly<ScannerStats>;
  onCode(listener: (code: ScannedCode) => void): Unsubscribe;
  onError(listener: (error: ScannerError) => void): Unsubscribe;
  /** Fires once when the transport stops (closed or unplugged). */
  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe;
  close(): Promise<void>;
}

/** Limits shared by both decoders. */
export interface ScannerTiming {
  /** A code whose next report is later than this is abandoned as incomplete. Default 500 ms. */
  gapMs?: number;
  /** Longest code accepted, in characters or bytes. Default 4096 (an entry token is ~150). */
  maxLength?: number;
}

/**
 * The plumbing both decoders share: listeners, counters, the transport subscription, and the code
 * being assembled with its start time. Subclasses decode one report at a time into `feed` calls.
 */
export abstract class ScannerReaderBase implements ScannerReader {
  abstract readonly kind: ScannerKind;
  readonly stats: ScannerStats = { reports: 0, codes: 0, malformedReports: 0, droppedCodes: 0 };
  private readonly codes = new Listeners<[ScannedCode]>();
  private readonly errors = new Listeners<[ScannerError]>();
  private readonly closes = new Listeners<[HidCloseInfo]>();
  private readonly unsubscribes: Unsubscribe[];
  protected readonly gapMs: number;
  protected readonly maxLength: number;
  /** The code being assembled: its first report's time, its last report's time, how many reports. */
  protected startedAt: number | undefined;
  private lastAt = 0;
  private codeReports = 0;
  private damage: string | undefined;

  constructor(
    private readonly transport: HidTransport,
    private readonly now: () => number,
    timing: ScannerTiming = {},
  ) {
    this.gapMs = timing.gapMs ?? 500;
    this.maxLength = timing.maxLength ?? 4096;
    this.unsubscribes = [
      transport.onReport((report) => this.receive(report)),
      transport.onClose((info) => {
        for (const unsubscribe of this.unsubscribes) unsubscribe();
        if (this.startedAt !== undefined) this.drop('incomplete-code', `the scanner went away mid-code (${info.reason}: ${info.detail})`);
        this.closes.emit(info);
      }),
    ];
  }

  onCode(listener: (code: ScannedCode) => void): Unsubscribe {
    return this.codes.add(listener);
  }

  onError(listener: (error: ScannerError) => void): Unsubscribe {
    return this.errors.add(listener);
  }

  onClose(listener: (info: HidCloseInfo) => void): Unsubscribe {
    return this.closes.add(listener);
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  /** Decode one report; throw ScannerError('malformed-report') for bytes that are not one. */
  protected abstract decode(report: Uint8Array, t: number): void;

  /** The part of the code assembled so far, in characters or bytes. */
  protected abstract get assembledLength(): number;

  /** Forget the code being assembled (after it was emitted or dropped). */
  protected abstract resetCode(): void;

  private receive(report: Uint8Array): void {
    const t = this.now();
    this.stats.reports++;
    if (this.startedAt !== undefined && t - this.lastAt > this.gapMs) {
      this.drop('incomplete-code', `no end of code within ${this.gapMs} ms`);
    }
    try {
      this.decode(report, t);
    } catch (error) {
      const e = error instanceof ScannerError ? error : new ScannerError('malformed-report', String(error), report);
      this.stats.malformedReports++;
      // A report lost in the middle of a code leaves a hole in it.
      if (this.startedAt !== undefined) this.damaged(`a report in it was malformed: ${e.message}`);
      this.errors.emit(e);
    }
  }

  /** A report belonging to the current code arrived (starting one if none is open). */
  protected touch(t: number): void {
    if (this.startedAt === undefined) {
      this.startedAt = t;
      this.codeReports = 0;
      this.damage = undefined;
    }
    this.lastAt = t;
    this.codeReports++;
    if (this.damage === undefined && this.assembledLength > this.maxLength) this.damaged(`longer than ${this.maxLength}`);
  }

  /** The current code is damaged: it is read to its end, then dropped with this reason. */
  protected damaged(reason: string): void {
    this.damage ??= reason;
  }

  /** The current code ended at `t`: emit it, or drop it if it was damaged. */
  protected complete(t: number, text: string, symbology?: string): void {
    if (this.startedAt === undefined) return;
    if (this.damage !== undefined) {
      this.drop('unreadable-code', `code dropped: ${this.damage}`);
      return;
    }
    const code: ScannedCode = { text, t, startedMs: this.startedAt, reports: this.codeReports, ...(symbology !== undefined ? { symbology } : {}) };
    this.startedAt = undefined;
    this.resetCode();
    this.stats.codes++;
    this.codes.emit(code);
  }

  private drop(kind: ScannerErrorKind, message: string): void {
    this.startedAt = undefined;
    this.resetCode();
    this.stats.droppedCodes++;
    this.errors.emit(new ScannerError(kind, message));
  }
}
