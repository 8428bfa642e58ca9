// `walkout bench fit-attribution DIR…`: fits the coefficients of fusion's attribution score (a
// conditional logit over the candidate sessions and "nobody", attribution.ts) to replayed runs of
// the simulator, by maximum likelihood of the true picker among the candidates each event had.
// Only tuning seeds may be given (the scenarios' table seeds are for the published figures). The
// physical terms (nobody, beyond reach, hands unseen) stay at their configured values, and signs
// are constrained so that nothing scores higher for a hand further from the plate: the tuning data
// cannot pin those, and they are what decides in the cases it lacks.
import type { AttributionDecision, ReceiptDecision, ShelfEventDecision } from '../engine/decisions';
import { logitFeatures } from '../engine/fusion/attribution';
import { peekEntryClaims } from '../engine/fusion/entry-token';
import { defaultFusionOptions, rampPieces, type AttributionLogit, type RampPiece } from '../engine/fusion/options';
import { pairEvents } from '../eval/events';
import { openRunDatabase, readJson, type GroundTruth, type RunMeta } from './run-dir';

const keys = Object.keys(defaultFusionOptions.attributionLogit) as (keyof AttributionLogit)[];
/** Held at their configured values: the physical priors. */
const fixed: ReadonlySet<keyof AttributionLogit> = new Set(['nobody', 'beyondReach', 'handUnseen']);
/** Allowed range of each free coefficient: no score rises as a hand goes further from the plate, or as it had been there before. */
const bounds: Partial<Record<keyof AttributionLogit, [number, number]>> = {
  handPrecision: [0, Infinity],
  handBeforeUnseen: [-3, 0],
  cart: [0, Infinity],
  ...Object.fromEntries(
    (Object.keys(rampPieces) as RampPiece[]).map((piece) => [piece, rampPieces[piece][0] === 'handBefore' ? [-Infinity, 0] : [0, Infinity]]),
  ),
};
/** L2 penalty on the free coefficients (in log-likelihood units): keeps rarely seen features from running away. */
const ridge = 0.05;

/** One attributed event: its candidates' features (nobody last) and which one truly took it. */
export interface Row {
  x: Float64Array[];
  truth: number;
}

export interface AttributionFit {
  events: number;
  coefficients: AttributionLogit;
  /** Share of events whose most probable candidate took it, and mean log-probability of the truth. */
  accuracy: number;
  logLikelihood: number;
  /** Events by the winner's probability (bins of 0.05; ≥ 0.99 its own) and how many of them were right. */
  calibration: { atLeast: number; events: number; right: number }[];
}

/** The attributed events of one replayed run, with their true picker. */
export function attributionRows(dir: string): Row[] {
  const meta = readJson<RunMeta>(dir, 'meta');
  const truth = readJson<GroundTruth>(dir, 'truth');
  const db = openRunDatabase(dir, meta);
  let events: ShelfEventDecision[];
  let attributions: AttributionDecision[];
  let receipts: ReceiptDecision[];
  try {
    const list = <T>(kind: string) => db.decisions.list({ kinds: [kind] }).map((d) => JSON.parse(d.json) as T);
    events = list<ShelfEventDecision>('shelf-event');
    attributions = list<AttributionDecision>('attribution');
    receipts = list<ReceiptDecision>('receipt');
  } finally {
    db.close();
  }
  const nonceOfSession = new Map(receipts.map((r) => [r.sessionId, r.tokenNonce]));
  const nonceOfTrue = new Map(truth.sessions.map((s) => [s.id, peekEntryClaims(s.token)?.nonce]));
  const byEvent = new Map(attributions.map((a) => [a.eventId, a]));
  const rows: Row[] = [];
  for (const [interaction, event] of pairEvents(truth.interactions, events)) {
    const a = byEvent.get(event.id);
    if (!a || a.basis !== 'posterior') continue;
    let label: number;
    if (interaction.kind === 'restock') label = a.candidates.length;
    else if (interaction.sessionId === undefined) label = a.candidates.findIndex((c) => nonceOfSession.has(c.sessionId) && nonceOfSession.get(c.sessionId) === undefined);
    else label = a.candidates.findIndex((c) => nonceOfSession.get(c.sessionId) === nonceOfTrue.get(interaction.sessionId!));
    if (label < 0) continue;
    const x = a.candidates.map((c) => {
      const f = logitFeatures(c.evidence, c.cartFit, defaultFusionOptions.reachM);
      return Float64Array.from(keys.map((k) => f[k]));
    });
    x.push(Float64Array.from(keys.map((k) => (k === 'nobody' ? 1 : 0))));
    rows.push({ x, truth: label });
  }
  return rows;
}

/** Log-likelihood of the rows under β, and its gradient into `grad`. */
function logLikelihood(rows: readonly Row[], beta: Float64Array, grad: Float64Array): number {
  grad.fill(0);
  let total = 0;
  const p = new Float64Array(64);
  for (const { x, truth } of rows) {
    let top = -Infinity;
    for (let i = 0; i < x.length; i++) {
      let s = 0;
      for (let k = 0; k < beta.length; k++) s += beta[k]! * x[i]![k]!;
      p[i] = s;
      if (s > top) top = s;
    }
    let z = 0;
    for (let i = 0; i < x.length; i++) z += (p[i] = Math.exp(p[i]! - top));
    total += Math.log(p[truth]! / z);
    for (let k = 0; k < beta.length; k++) {
      let expected = 0;
      for (let i = 0; i < x.length; i++) expected += (p[i]! / z) * x[i]![k]!;
      grad[k] = grad[k]! + x[truth]![k]! - expected;
    }
  }
  return total;
}

/** Maximises the penalised log-likelihood by projected gradient ascent with backtracking. */
export function fitAttribution(rows: readonly Row[], start: AttributionLogit = defaultFusionOptions.attributionLogit): AttributionFit {
  const n = keys.length;
  const free = keys.map((k) => !fixed.has(k));
  const lo = keys.map((k) => bounds[k]?.[0] ?? -Infinity);
  const hi = keys.map((k) => bounds[k]?.[1] ?? Infinity);
  const project = (b: Float64Array) => {
    for (let k = 0; k < n; k++) if (free[k]) b[k] = Math.min(hi[k]!, Math.max(lo[k]!, b[k]!));
  };
  // Per event, so that one step size suits any amount of data.
  const penalty = ridge / Math.max(1, rows.length);
  const objective = (b: Float64Array, g: Float64Array) => {
    let f = logLikelihood(rows, b, g) / rows.length;
    for (let k = 0; k < n; k++) {
      g[k] = free[k] ? g[k]! / rows.length - 2 * penalty * b[k]! : 0;
      if (free[k]) f -= penalty * b[k]! * b[k]!;
    }
    return f;
  };
  let beta = Float64Array.from(keys.map((k) => start[k]));
  const grad = new Float64Array(n);
  const trialGrad = new Float64Array(n);
  let value = objective(beta, grad);
  let step = 1;
  for (let iter = 0; iter < 500; iter++) {
    let improved = false;
    for (let tries = 0; tries < 30; tries++) {
      const trial = Float64Array.from(beta, (b, k) => b + step * grad[k]!);
      project(trial);
      const v = objective(trial, trialGrad);
      if (v > value) {
        const gain = v - value;
        beta = trial;
        value = v;
        grad.set(trialGrad);
        step *= 1.5;
        improved = gain > 1e-10;
        break;
      }
      step /= 2;
    }
    if (!improved) break;
  }
  const coefficients = Object.fromEntries(keys.map((k, i) => [k, Math.round(beta[i]! * 1000) / 1000])) as unknown as AttributionLogit;
  return { events: rows.length, coefficients, ...assess(rows, beta) };
}

function assess(rows: readonly Row[], beta: Float64Array): Pick<AttributionFit, 'accuracy' | 'logLikelihood' | 'calibration'> {
  let right = 0;
  let logLik = 0;
  const bins = new Map<number, { events: number; right: number }>();
  for (const { x, truth } of rows) {
    const s = x.map((xi) => xi.reduce((sum, v, k) => sum + v * beta[k]!, 0));
    const top = Math.max(...s);
    const p = s.map((v) => Math.exp(v - top));
    const z = p.reduce((a, b) => a + b, 0);
    const winner = p.indexOf(Math.max(...p));
    const won = p[winner]! / z;
    if (winner === truth) right++;
    logLik += Math.log(p[truth]! / z);
    const bin = won >= 0.99 ? 0.99 : Math.floor(won * 20) / 20;
    const b = bins.get(bin) ?? { events: 0, right: 0 };
    b.events++;
    if (winner === truth) b.right++;
    bins.set(bin, b);
  }
  return {
    accuracy: right / Math.max(1, rows.length),
    logLikelihood: logLik / Math.max(1, rows.length),
    calibration: [...bins].sort((a, b) => a[0] - b[0]).map(([atLeast, b]) => ({ atLeast, ...b })),
  };
}
