// HID point-of-sale barcode scanners (usage page 0x8C, "Bar Code Scanner", HID Point of Sale Usage
// Tables 1.02 §3): codes arrive as Scanned Data Reports, not keystrokes, so they are exact bytes
// with their symbology and no keyboard layout in the way. The report is the 64-byte layout the
// scanners in HID POS mode send (Honeywell, Zebra, Datalogic, Access-IS manuals alike):
//
//   [0] report id 0x02   [1] data bytes in this report (0..56)   [2..4] AIM symbology identifier
//   [5..60] decoded data   [61] vendor symbology id   [62] reserved   [63] bit 0: Decoded Data Continued
//
// A code longer than 56 bytes spans reports, each but the last with the continued bit set.
import type { HidTransport } from '../transport';
import { ScannerError, ScannerReaderBase, type ScannerTiming } from './scanner';

export const BARCODE_SCANNER_USAGE_PAGE = 0x8c;
export const SCANNED_DATA_REPORT_ID = 0x02;
export const SCANNED_DATA_REPORT_LENGTH = 64;
export const SCANNED_DATA_CAPACITY = 56;
const DATA_OFFSET = 5;
const CONTINUED = 0x01;

export class HidPosScannerReader extends ScannerReaderBase {
  readonly kind = 'hid-pos' as const;
  private chunks: Uint8Array[] = [];
  private length = 0;
  private symbology: string | undefined;

  constructor(transport: HidTransport, now: () => number, timing: ScannerTiming = {}) {
    super(transport, now, timing);
  }

  protected get assembledLength(): number {
    return this.length;
  }

  protected resetCode(): void {
    this.chunks = [];
    this.length = 0;
    this.symbology = undefined;
  }

  protected decode(report: Uint8Array, t: number): void {
    if (report.length === 0) throw new ScannerError('malformed-report', 'empty report');
    if (report[0] !== SCANNED_DATA_REPORT_ID) {
      throw new ScannerError('malformed-report', `report id 0x${report[0]!.toString(16)} is not a Scanned Data Report (0x02)`, report);
    }
    if (report.length !== SCANNED_DATA_REPORT_LENGTH) {
      throw new ScannerError('malformed-report', `scanned data report of ${report.length} bytes, expected ${SCANNED_DATA_REPORT_LENGTH}`, report);
    }
    const count = report[1]!;
    if (count > SCANNED_DATA_CAPACITY) throw new ScannerError('malformed-report', `data length ${count}, at most ${SCANNED_DATA_CAPACITY}`, report);
    const symbology = aimIdentifier(report);
    this.touch(t);
    if (this.chunks.length === 0) this.symbology = symbology;
    else if (symbology !== this.symbology) this.damaged(`a continuation says ${symbology ?? 'no symbology'}, its code began as ${this.symbology ?? 'none'}`);
    this.chunks.push(report.slice(DATA_OFFSET, DATA_OFFSET + count));
    this.length += count;
    if ((report[63]! & CONTINUED) !== 0) return;
    const data = new Uint8Array(this.length);
    let at = 0;
    for (const chunk of this.chunks) {
      data.set(chunk, at);
      at += chunk.length;
    }
    // Scanners configured with a suffix append CR or CR LF; the code itself never ends in one.
    const text = new TextDecoder().decode(data).replace(/\r?\n?$/, '');
    this.complete(t, text, this.symbology);
  }
}

/** "]Q1"-style identifier, or undefined when the scanner sends none (zeros). */
function aimIdentifier(report: Uint8Array): string | undefined {
  const [flag, code, modifier] = [report[2]!, report[3]!, report[4]!];
  if (flag === 0 && code === 0 && modifier === 0) return undefined;
  if (flag !== 0x5d || code < 0x21 || code > 0x7e || modifier < 0x21 || modifier > 0x7e) {
    throw new ScannerError('malformed-report', 'symbology identifier is not "]" and two printable characters', report);
  }
  return String.fromCharCode(flag, code, modifier);
}
