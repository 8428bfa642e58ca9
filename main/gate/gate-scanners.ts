// Finds each entry gate's scanner on a HID backend by the serial in store.json (gates[].scanner),
// opens it with the decoder its kind needs, and attaches it to the gate service. A scanner that is
// missing, fails to open or goes away is looked for again whenever the devices change and every
// retryMs; each gate's trouble is logged once, not on every retry.
import type { HidBackend, HidDeviceInfo } from '../../native-bridge/hid/hid-backend';
import { BARCODE_SCANNER_USAGE_PAGE, createScannerReader, type ScannerKind } from '../../native-bridge/hid/scanners';
import type { StoreModel } from '../store/schema';
import type { GateService } from './gate-service';

interface Wanted {
  gate: string;
  kind: ScannerKind;
  serial: string;
}

const GENERIC_DESKTOP = 0x01;
const KEYBOARD = 0x06;

/** The interface of the device with `serial` that speaks `kind` (a composite device lists several). */
function pick(devices: readonly HidDeviceInfo[], w: Wanted): HidDeviceInfo | undefined {
  const mine = devices.filter((d) => d.serialNumber === w.serial);
  const speaks = (d: HidDeviceInfo) => (w.kind === 'hid-pos' ? d.usagePage === BARCODE_SCANNER_USAGE_PAGE : d.usagePage === GENERIC_DESKTOP && d.usage === KEYBOARD);
  return mine.find(speaks) ?? (mine.length === 1 && mine[0]!.usagePage === undefined ? mine[0] : undefined);
}

export interface GateScanners {
  /** Looks for missing scanners now (also done on device changes and every retryMs). */
  look(): Promise<void>;
  stop(): void;
}

export function connectGateScanners(o: { backend: HidBackend; store: StoreModel; gate: GateService; now: () => number; log: (line: string) => void; retryMs?: number }): GateScanners {
  const wanted: Wanted[] = o.store.layout.gates.flatMap((g) =>
    g.kind === 'entry' && g.scanner && g.scanner.kind !== 'simulated' ? [{ gate: g.id, kind: g.scanner.kind, serial: g.scanner.serial }] : [],
  );
  /** Per gate, what was last said about its scanner: 'connected' or the trouble. */
  const said = new Map<string, string>();
  const report = (w: Wanted, problem: string | undefined) => {
    const state = problem ?? 'connected';
    if (said.get(w.gate) === state) return;
    said.set(w.gate, state);
    o.log(`walkout: gate ${w.gate} scanner ${w.serial} (${w.kind}) ${state}`);
  };
  let stopped = false;
  let looking: Promise<void> | undefined;

  async function lookOnce(): Promise<void> {
    const missing = wanted.filter((w) => !o.gate.attached().includes(w.gate));
    if (missing.length === 0) return;
    const devices = await o.backend.list();
    for (const w of missing) {
      const info = pick(devices, w);
      if (!info) {
        report(w, 'not found');
        continue;
      }
      try {
        const transport = await o.backend.open(info.path);
        if (stopped) {
          await transport.close();
          return;
        }
        o.gate.attach(w.gate, createScannerReader(w.kind, transport, o.now));
        report(w, undefined);
      } catch (error) {
        report(w, `could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  // Looks run one after another: a device plugged in while a look is under way gets a look of its own.
  const look = (): Promise<void> => {
    if (stopped) return Promise.resolve();
    const next = (looking ?? Promise.resolve())
      .then(lookOnce)
      .catch((error: unknown) => o.log(`walkout: looking for gate scanners failed: ${error instanceof Error ? error.message : String(error)}`));
    looking = next;
    void next.finally(() => {
      if (looking === next) looking = undefined;
    });
    return next;
  };
  const unwatch = o.backend.watch(() => void look());
  const timer = setInterval(() => void look(), o.retryMs ?? 5000);
  timer.unref?.();
  void look();
  return {
    look,
    stop() {
      stopped = true;
      unwatch();
      clearInterval(timer);
    },
  };
}
