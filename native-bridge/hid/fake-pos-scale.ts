// FakePosScale: a USB POS scale simulated at the byte level. It sends Scale Data Reports (report
// 0x03, grams) when told the load changed, and obeys the Zero Scale output report by taking the
// current load as its new zero, as a real scale does.
import type { FakeHidDevice } from './fake-hid-bus';
import { FakeHidTransport } from './fake-transport';
import { POS_SCALE_USAGE_PAGE } from './hid-backend';
import { SCALE_CONTROL_REPORT_ID, SCALE_DATA_REPORT_ID } from './pos-scale';

const STABLE = 4;
const STABLE_ZERO = 2;
const UNDER_ZERO = 5;
const UNIT_GRAMS = 2;

export class FakePosScale implements FakeHidDevice {
  readonly info;
  private transport: FakeHidTransport | null = null;
  private loadG = 0;
  private zeroG = 0;
  /** Zero commands received, across connections. */
  zeroCommands = 0;

  constructor(serial: string) {
    this.info = { vendorId: 0x0922, productId: 0x8003, serialNumber: serial, manufacturer: 'Fake', product: 'M10 scale', usagePage: POS_SCALE_USAGE_PAGE, usage: 0x20 };
  }

  connect(): FakeHidTransport {
    const transport = new FakeHidTransport();
    const write = transport.write.bind(transport);
    // Hook the output report: a real scale zeroes itself when bit 1 of report 0x02 is set.
    transport.write = async (report) => {
      await write(report);
      if (report[0] === SCALE_CONTROL_REPORT_ID && ((report[1] ?? 0) & 0x02) !== 0) {
        this.zeroCommands++;
        this.zeroG = this.loadG;
        this.send();
      }
    };
    this.transport = transport;
    return transport;
  }

  disconnect(detail: string): void {
    this.transport?.unplug(detail);
    this.transport = null;
  }

  powerOn(): void {
    this.zeroG = 0;
  }

  /** Something of `grams` now lies on the scale; it reports the net weight. */
  place(grams: number): void {
    this.loadG = grams;
    this.send();
  }

  /** Sends arbitrary bytes as an input report (for malformed-report tests). */
  sendRaw(bytes: Uint8Array): void {
    if (this.transport && !this.transport.isClosed) this.transport.emit(bytes);
  }

  private send(): void {
    if (!this.transport || this.transport.isClosed) return;
    const net = Math.round(this.loadG - this.zeroG);
    const status = net < 0 ? UNDER_ZERO : net === 0 ? STABLE_ZERO : STABLE;
    const value = Math.max(0, Math.min(0xffff, net));
    this.transport.emit(Uint8Array.of(SCALE_DATA_REPORT_ID, status, UNIT_GRAMS, 0, value & 0xff, value >> 8));
  }
}
