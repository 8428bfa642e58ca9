// The simulator's gate scans through the real scanner decoders: each scan becomes the bytes a HID
// POS scanner sends (on a fake transport, named as one), is decoded, and reaches the engine through
// the gate service like a device's. So the demo exercises the same gate path a store does, and a
// gate configured as "simulated" behaves like one with hardware.
import { FakeHidTransport } from '../../native-bridge/hid/fake-transport';
import { hidPosReports, HidPosScannerReader } from '../../native-bridge/hid/scanners';
import type { EngineInput, GateScan } from '../engine/inputs';
import type { StoreModel } from '../store/schema';
import type { GateNotice } from './gate-notices';
import { createGateService, type GateService } from './gate-service';

export class SimulatedGateScanners {
  readonly gate: GateService;
  private readonly scans: GateScan[] = [];
  private readonly transports = new Map<string, FakeHidTransport>();
  /** Store time of the scan being read: the simulated scanner reads in no time. */
  private clock = Number.NEGATIVE_INFINITY;

  constructor(store: StoreModel, options: { display: (notice: GateNotice) => void; log: (line: string) => void }) {
    this.gate = createGateService({ store, submit: (scan) => this.scans.push(scan), now: () => this.clock, ...options });
    for (const g of store.layout.gates) {
      if (g.kind !== 'entry' || g.scanner?.kind !== 'simulated') continue;
      const fake = new FakeHidTransport();
      this.transports.set(g.id, fake);
      this.gate.attach(g.id, new HidPosScannerReader(fake, () => this.clock));
    }
  }

  /** `source` with every scan at a simulated scanner replaced by what the gate service made of its bytes. */
  *inputs(source: Iterable<EngineInput>): Generator<EngineInput> {
    for (const input of source) {
      const fake = input.kind === 'gate-scan' ? this.transports.get(input.gate) : undefined;
      if (!fake || input.kind !== 'gate-scan') {
        yield input;
        continue;
      }
      this.clock = input.t;
      fake.emitAll(hidPosReports(input.token));
      yield* this.scans.splice(0);
    }
  }
}
