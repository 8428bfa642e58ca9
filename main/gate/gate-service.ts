// The gate: each entry gate's scanner (keyboard wedge or HID POS, decoded in native-bridge/hid/scanners)
// turns into the engine's GateScan inputs on the live input path, stamped with the store clock when
// the code was fully read. The engine decides (signature, expiry, single use), so replay decides
// as live did; the gate service shows the outcome at the gate and logs every refusal. A code the
// scanner could not read never reaches the engine: the shopper is asked to scan again.
import type { ScannerReader } from '../../native-bridge/hid/scanners';
import type { EngineDecision } from '../engine/decisions';
import type { GateScan } from '../engine/inputs';
import type { StoreModel } from '../store/schema';
import { noticeFor, unreadableNotice, type GateNotice } from './gate-notices';

export interface GateServiceOptions {
  store: StoreModel;
  /** Where scans go: the live pipeline, or the device input queue in front of it. */
  submit: (scan: GateScan) => void;
  /** The gate's display (and whoever else shows gate events). */
  display: (notice: GateNotice) => void;
  log: (line: string) => void;
  /** The store clock (for notices about codes that never became a scan). */
  now: () => number;
}

export interface GateService {
  /** Reads `gate`'s scanner until it closes; returns a function that detaches it. */
  attach(gate: string, reader: ScannerReader): () => void;
  /** Every engine decision goes by here; gate decisions are shown and refusals logged. */
  observe(decision: EngineDecision): void;
  /** Scanners attached now, by gate. */
  attached(): string[];
}

export function createGateService(options: GateServiceOptions): GateService {
  const gates = new Map(options.store.layout.gates.map((g) => [g.id, g]));
  const readers = new Map<string, () => void>();
  return {
    attach(gate, reader) {
      const known = gates.get(gate);
      if (!known) throw new Error(`no gate "${gate}" in store ${options.store.layout.id}`);
      if (known.kind !== 'entry') throw new Error(`gate "${gate}" is an exit: only entry gates read codes`);
      readers.get(gate)?.();
      const unsubscribes = [
        reader.onCode((code) => options.submit({ kind: 'gate-scan', gate, t: code.t, token: code.text })),
        reader.onError((error) => {
          options.log(`walkout: gate ${gate} scanner (${reader.kind}): ${error.message}`);
          if (error.kind !== 'malformed-report') options.display(unreadableNotice(gate, options.now()));
        }),
        reader.onClose((info) => {
          options.log(`walkout: gate ${gate} scanner ${info.reason}: ${info.detail}`);
          detach();
        }),
      ];
      const detach = () => {
        for (const unsubscribe of unsubscribes) unsubscribe();
        if (readers.get(gate) === detach) readers.delete(gate);
      };
      readers.set(gate, detach);
      return detach;
    },
    observe(decision) {
      if (decision.kind !== 'gate-admitted' && decision.kind !== 'gate-refused') return;
      const notice = noticeFor(decision);
      if (notice.outcome === 'refused') {
        options.log(`walkout: gate ${decision.gate} refused a code at ${new Date(decision.t).toISOString()}: ${notice.reason}${decision.kind === 'gate-refused' && decision.admittedSessionId ? ` (first used by ${decision.admittedSessionId})` : ''}`);
      }
      options.display(notice);
    },
    attached: () => [...readers.keys()],
  };
}
