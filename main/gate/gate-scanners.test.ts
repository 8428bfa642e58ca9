// Gate scanners found on a HID bus by serial (byte-level fake devices on a FakeHidBus, as node-hid
// would list them), attached with the right decoder, re-attached after an unplug.
import { describe, expect, it } from 'vitest';
import { FakeHidBus } from '../../native-bridge/hid/fake-hid-bus';
import { FakeScanner } from '../../native-bridge/hid/scanners';
import type { GateScan } from '../engine/inputs';
import { demoStoreDir, loadStore } from '../store/load';
import type { StoreModel } from '../store/schema';
import { connectGateScanners } from './gate-scanners';
import { createGateService } from './gate-service';

const demo = loadStore(demoStoreDir());
// The demo's entry gates with real scanners instead of simulated ones: a HID POS scanner and a wedge.
const store: StoreModel = {
  ...demo,
  layout: {
    ...demo.layout,
    gates: demo.layout.gates.map((g) =>
      g.id === 'entry-1' ? { ...g, scanner: { kind: 'hid-pos' as const, serial: 'POS-1' } } : g.id === 'entry-2' ? { ...g, scanner: { kind: 'keyboard-wedge' as const, serial: 'KBD-2' } } : g,
    ),
  },
};

describe('gate scanners on a HID bus', () => {
  it('attaches each entry gate’s scanner by serial, and finds it again after an unplug', async () => {
    const bus = new FakeHidBus();
    const pos = new FakeScanner('hid-pos', 'POS-1');
    const wedge = new FakeScanner('keyboard-wedge', 'KBD-2');
    const scans: GateScan[] = [];
    const logs: string[] = [];
    let clock = 5000;
    const gate = createGateService({ store, submit: (s) => scans.push(s), display: () => undefined, log: (l) => logs.push(l), now: () => clock });
    bus.plug(pos);
    const scanners = connectGateScanners({ backend: bus, store, gate, now: () => clock, log: (l) => logs.push(l), retryMs: 60_000 });
    await scanners.look();
    expect(gate.attached()).toEqual(['entry-1']);
    expect(logs).toEqual(['walkout: gate entry-1 scanner POS-1 (hid-pos) connected', 'walkout: gate entry-2 scanner KBD-2 (keyboard-wedge) not found']);

    bus.plug(wedge); // the bus tells its watchers; the connector looks again
    await scanners.look();
    expect(gate.attached().sort()).toEqual(['entry-1', 'entry-2']);
    pos.scan('WO1.code-one');
    clock += 1000;
    wedge.scan('WO1.code~Two');
    expect(scans).toEqual([
      { kind: 'gate-scan', gate: 'entry-1', t: 5000, token: 'WO1.code-one' },
      { kind: 'gate-scan', gate: 'entry-2', t: 6000, token: 'WO1.code~Two' },
    ]);

    bus.unplug(pos, 'cable pulled');
    expect(gate.attached()).toEqual(['entry-2']);
    bus.plug(pos);
    await scanners.look();
    expect(gate.attached().sort()).toEqual(['entry-1', 'entry-2']);
    expect(pos.scan('again')).toBe(true);
    expect(scans.at(-1)).toMatchObject({ gate: 'entry-1', token: 'again' });
    scanners.stop();
  });

  it('says once, not on every retry, why a scanner cannot be opened', async () => {
    const bus = new FakeHidBus();
    bus.plug(new FakeScanner('hid-pos', 'POS-1'));
    bus.failNextOpen(new Error('permission denied (udev rule missing?)'));
    bus.failNextOpen(new Error('permission denied (udev rule missing?)'));
    const logs: string[] = [];
    const gate = createGateService({ store, submit: () => undefined, display: () => undefined, log: (l) => logs.push(l), now: () => 0 });
    const scanners = connectGateScanners({ backend: bus, store, gate, now: () => 0, log: (l) => logs.push(l), retryMs: 60_000 });
    await scanners.look();
    await scanners.look();
    await scanners.look();
    expect(logs.filter((l) => l.includes('POS-1'))).toEqual([
      'walkout: gate entry-1 scanner POS-1 (hid-pos) could not be opened: permission denied (udev rule missing?)',
      'walkout: gate entry-1 scanner POS-1 (hid-pos) connected',
    ]);
    scanners.stop();
  });
});
