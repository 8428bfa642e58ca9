// Gate scanners over HID: keyboard wedges and HID POS barcode scanners, one ScannerReader for both.
import type { HidTransport } from '../transport';
import { HidPosScannerReader } from './hid-pos-scanner';
import { KeyboardWedgeReader } from './keyboard-wedge';
import type { ScannerKind, ScannerReader, ScannerTiming } from './scanner';

export { BARCODE_SCANNER_USAGE_PAGE, HidPosScannerReader } from './hid-pos-scanner';
export { KeyboardWedgeReader } from './keyboard-wedge';
export { FakeScanner } from './fake-scanner';
export { hidPosReports, keyboardWedgeReports } from './scanner-bytes';
export { ScannerError } from './scanner';
export type { ScannedCode, ScannerErrorKind, ScannerKind, ScannerReader, ScannerStats, ScannerTiming } from './scanner';

/** A reader of `kind` on an open transport; `now` is the store clock codes are stamped with. */
export function createScannerReader(kind: ScannerKind, transport: HidTransport, now: () => number, timing: ScannerTiming = {}): ScannerReader {
  return kind === 'hid-pos' ? new HidPosScannerReader(transport, now, timing) : new KeyboardWedgeReader(transport, now, timing);
}
