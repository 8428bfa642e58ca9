// What gate scanners send, byte for byte: the reports a keyboard-wedge scanner and a HID POS
// scanner produce for a code. Used by the byte-level fakes in tests and by the simulated gate
// scanners, so both decoders are always exercised on device-shaped bytes.
import { BOOT_KEYBOARD_REPORT_LENGTH, usageForChar } from './keyboard-wedge';
import { SCANNED_DATA_CAPACITY, SCANNED_DATA_REPORT_ID, SCANNED_DATA_REPORT_LENGTH } from './hid-pos-scanner';

const ENTER = 0x28;
const LEFT_SHIFT = 0x02;

function keyboardReport(reportId: number, modifiers: number, usage: number): Uint8Array {
  const report = new Uint8Array(1 + BOOT_KEYBOARD_REPORT_LENGTH);
  report[0] = reportId;
  report[1] = modifiers;
  report[3] = usage;
  return report;
}

/**
 * The reports a keyboard-wedge scanner sends to type `text` and press Enter: a press and a release
 * per character. `shiftFirst` sends Shift on its own before the key, as some scanners do.
 */
export function keyboardWedgeReports(text: string, options: { reportId?: number; shiftFirst?: boolean } = {}): Uint8Array[] {
  const reportId = options.reportId ?? 0;
  const reports: Uint8Array[] = [];
  for (const char of text) {
    const key = usageForChar(char);
    if (!key) throw new RangeError(`a US keyboard cannot type ${JSON.stringify(char)}`);
    const modifiers = key.shift ? LEFT_SHIFT : 0;
    if (key.shift && options.shiftFirst) reports.push(keyboardReport(reportId, modifiers, 0));
    reports.push(keyboardReport(reportId, modifiers, key.usage), keyboardReport(reportId, 0, 0));
  }
  reports.push(keyboardReport(reportId, 0, ENTER), keyboardReport(reportId, 0, 0));
  return reports;
}

/** The Scanned Data Reports a HID POS scanner sends for `text` (AIM "]Q1": a QR code). */
export function hidPosReports(text: string, symbology = ']Q1'): Uint8Array[] {
  const data = new TextEncoder().encode(text);
  const reports: Uint8Array[] = [];
  for (let at = 0; at === 0 || at < data.length; at += SCANNED_DATA_CAPACITY) {
    const chunk = data.subarray(at, at + SCANNED_DATA_CAPACITY);
    const report = new Uint8Array(SCANNED_DATA_REPORT_LENGTH);
    report[0] = SCANNED_DATA_REPORT_ID;
    report[1] = chunk.length;
    for (let i = 0; i < 3; i++) report[2 + i] = symbology.charCodeAt(i);
    report.set(chunk, 5);
    report[63] = at + SCANNED_DATA_CAPACITY < data.length ? 1 : 0;
    reports.push(report);
  }
  return reports;
}
