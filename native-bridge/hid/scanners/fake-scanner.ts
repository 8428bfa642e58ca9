// FakeScanner: a byte-level stand-in for a gate scanner on a FakeHidBus, for tests and
// hardware-free demos: listed as the OS lists a HID POS scanner (usage page 0x8C) or a keyboard
// wedge (Generic Desktop / Keyboard), and `scan(code)` sends exactly the reports that device would.
import type { FakeHidDevice } from '../fake-hid-bus';
import { FakeHidTransport } from '../fake-transport';
import { BARCODE_SCANNER_USAGE_PAGE } from './hid-pos-scanner';
import type { ScannerKind } from './scanner';
import { hidPosReports, keyboardWedgeReports } from './scanner-bytes';

export class FakeScanner implements FakeHidDevice {
  readonly info;
  private transport: FakeHidTransport | null = null;

  constructor(
    readonly kind: ScannerKind,
    serial: string,
  ) {
    this.info =
      kind === 'hid-pos'
        ? { vendorId: 0x0c2e, productId: 0x0b87, serialNumber: serial, manufacturer: 'Fake', product: 'HID POS scanner', usagePage: BARCODE_SCANNER_USAGE_PAGE, usage: 0x02 }
        : { vendorId: 0x0c2e, productId: 0x0b81, serialNumber: serial, manufacturer: 'Fake', product: 'Keyboard-wedge scanner', usagePage: 0x01, usage: 0x06 };
  }

  connect(): FakeHidTransport {
    this.transport = new FakeHidTransport();
    return this.transport;
  }

  disconnect(detail: string): void {
    this.transport?.unplug(detail);
    this.transport = null;
  }

  powerOn(): void {}

  /** The scanner reads `code` and sends it; false when nothing has it open. */
  scan(code: string): boolean {
    if (!this.transport || this.transport.isClosed) return false;
    this.transport.emitAll(this.kind === 'hid-pos' ? hidPosReports(code) : keyboardWedgeReports(code));
    return true;
  }
}
