// The gate's two sensors: the QR scanner and the passage counter (turnstile or beam). A session's
// code is read a moment after it is held to the scanner (or, when the world does not say when
// that was, 0.5–3 s before its first member steps through); the rest of a group follow on that
// one scan, tailgaters follow on none, and every crossing in or out is counted with a little
// timing error. Now and then a shopper scans the same code twice, which the engine must refuse as
// a reuse rather than open a second session.
import type { GatePassage, GateScan } from '../../engine/inputs';
import type { StoreModel } from '../../store/schema';
import type { SimGateCrossing, SimWorld } from '../world';
import type { SensorConfig } from './config';
import { clamp, sensorStream } from './streams';

export type GateInput = GateScan | GatePassage;

export function gateInputs(store: StoreModel, world: SimWorld, config: SensorConfig, seed: number): GateInput[] {
  const out: GateInput[] = [];
  const firstIn = new Map<number, SimGateCrossing>();
  for (const c of world.gateCrossings) {
    if (c.direction !== 'in') continue;
    const prev = firstIn.get(c.personId);
    if (!prev || c.atMs < prev.atMs) firstIn.set(c.personId, c);
  }
  const fallbackGate = store.layout.gates.find((g) => g.kind === 'entry' && g.scanner) ?? store.layout.gates.find((g) => g.kind === 'entry');

  for (const session of world.sessions) {
    const rng = sensorStream(seed, `session:${session.id}`);
    // The member who held the code up, if the world says; else whoever crossed first.
    let first: SimGateCrossing | undefined;
    let scanned: SimGateCrossing | undefined;
    for (const id of session.memberIds) {
      const c = firstIn.get(id);
      if (c && (!first || c.atMs < first.atMs)) first = c;
      if (c?.scanMs !== undefined && (!scanned || c.scanMs < scanned.scanMs!)) scanned = c;
    }
    if (scanned) first = scanned;
    const gate = first?.gate ?? fallbackGate?.id;
    // When the world says when the code was held up, the scanner reads it a moment later;
    // otherwise it was read a moment before the first member crossed.
    const held = first?.scanMs;
    const t = Math.round(
      held !== undefined
        ? held + rng.range(config.scanDecodeMs[0], config.scanDecodeMs[1])
        : (first?.atMs ?? session.entryMs) - rng.range(config.scanLeadMs[0], config.scanLeadMs[1]),
    );
    if (!gate || !Number.isFinite(t)) continue;
    out.push({ kind: 'gate-scan', gate, t, token: session.token });
    if (rng.chance(config.doubleScanRate)) out.push({ kind: 'gate-scan', gate, t: t + Math.round(rng.range(800, 4_000)), token: session.token });
  }

  const sd = config.passageNoiseMs;
  const byGate = new Map<string, number[]>();
  const seenPerPerson = new Map<number, number>();
  const crossings = [...world.gateCrossings].sort((a, b) => a.atMs - b.atMs || a.personId - b.personId);
  for (const c of crossings) {
    const n = seenPerPerson.get(c.personId) ?? 0;
    seenPerPerson.set(c.personId, n + 1);
    const rng = sensorStream(seed, `passage:${c.personId}:${n}`);
    const t = Math.round(c.atMs + clamp(rng.normal(0, sd), -3 * sd, 3 * sd));
    const list = byGate.get(c.gate) ?? [];
    list.push(t);
    byGate.set(c.gate, list);
  }
  for (const [gate, times] of byGate) {
    times.sort((a, b) => a - b);
    let last = -Infinity;
    for (const t of times) {
      // A beam cannot tell two bodies apart when they pass almost as one.
      if (config.passageMergeMs > 0 && t - last < config.passageMergeMs) continue;
      out.push({ kind: 'gate-passage', gate, t });
      last = t;
    }
  }
  return out;
}
