// `walkout eval`: the replay's decisions against the simulator's ground truth. Figures of stages the
// engine does not have yet are null, never a made-up number; a stage that exists and scores zero
// reports zero.
import { existsSync } from 'node:fs';
import type { AttributionDecision, ReceiptDecision, ShelfEventDecision } from '../engine/decisions';
import { joinAttributions, scoreEvents, type EventMetrics } from '../eval/events';
import { evaluateMot, type MotMetrics } from '../eval/mot';
import { readMotChallengeFile } from '../eval/mot/motchallenge-file';
import { scoreReceipts, type ReceiptMetrics } from '../eval/receipts';
import { openRunDatabase, readJson, runPath, type GroundTruth, type ReplaySummary, type RunMeta } from './run-dir';

export interface TrackingFigures {
  hota: number;
  idf1: number;
  mota: number;
  idsw: number;
  /** Identity switches per shopper-hour of ground truth. */
  idswPerShopperHour: number;
}

export interface Evaluation {
  receipt_precision: number | null;
  receipt_recall: number | null;
  receipt_f1: number | null;
  exact_receipt_rate: number | null;
  review_rate: number | null;
  doubt_review_rate: number | null;
  unflagged_exact_rate: number | null;
  event_precision: number | null;
  event_recall: number | null;
  product_accuracy: number | null;
  attribution_accuracy: number | null;
  /** At zero distance 1 m (see `tracking` for 2 m). */
  hota: number | null;
  idf1: number | null;
  mota: number | null;
  realtime_factor: number | null;
  stages: string[];
  tracking: { '1m': TrackingFigures; '2m': TrackingFigures } | null;
  counts: { sessions: number; interactions: number; receipts: number; shelfEvents: number };
}

function trackingFigures(m: MotMetrics, shopperHours: number): TrackingFigures {
  return { hota: m.HOTA, idf1: m.IDF1, mota: m.MOTA, idsw: m.IDSW, idswPerShopperHour: shopperHours > 0 ? m.IDSW / shopperHours : 0 };
}

export function evaluateRunDir(dir: string): Evaluation {
  const meta = readJson<RunMeta>(dir, 'meta');
  const truth = readJson<GroundTruth>(dir, 'truth');
  const replay = existsSync(runPath(dir, 'replay')) ? readJson<ReplaySummary>(dir, 'replay') : undefined;
  const stages = replay?.stages ?? [];
  const db = openRunDatabase(dir, meta);
  let receipts: ReceiptDecision[];
  let events: ShelfEventDecision[];
  try {
    receipts = db.decisions.list({ kinds: ['receipt'] }).map((d) => JSON.parse(d.json) as ReceiptDecision);
    // Who took what is fusion's answer, joined onto the shelf stage's events by id.
    const attributions = db.decisions.list({ kinds: ['attribution'] }).map((d) => JSON.parse(d.json) as AttributionDecision);
    events = joinAttributions(
      db.decisions.list({ kinds: ['shelf-event'] }).map((d) => JSON.parse(d.json) as ShelfEventDecision),
      attributions,
    );
  } finally {
    db.close();
  }

  const hasFusion = stages.includes('fusion');
  const hasShelves = stages.includes('shelves');
  const receiptMetrics: Partial<ReceiptMetrics> = hasFusion ? scoreReceipts(truth.sessions, receipts) : {};
  const eventMetrics: Partial<EventMetrics> = hasShelves ? scoreEvents(truth, events, receipts) : {};

  let tracking: Evaluation['tracking'] = null;
  if (stages.includes('vision')) {
    const gt = readMotChallengeFile(runPath(dir, 'truthFloor'), { kind: 'point', zeroDistance: 1 });
    const tr = readMotChallengeFile(runPath(dir, 'trackerFloor'), { kind: 'point', zeroDistance: 1 });
    const shopperHours = truth.people.reduce((sum, p) => sum + (p.exitMs - p.enterMs), 0) / 3_600_000;
    tracking = {
      '1m': trackingFigures(evaluateMot(gt, tr, { kind: 'point', zeroDistance: 1 }), shopperHours),
      '2m': trackingFigures(evaluateMot(gt, tr, { kind: 'point', zeroDistance: 2 }), shopperHours),
    };
  }

  return {
    receipt_precision: receiptMetrics.receipt_precision ?? null,
    receipt_recall: receiptMetrics.receipt_recall ?? null,
    receipt_f1: receiptMetrics.receipt_f1 ?? null,
    exact_receipt_rate: receiptMetrics.exact_receipt_rate ?? null,
    review_rate: receiptMetrics.review_rate ?? null,
    doubt_review_rate: receiptMetrics.doubt_review_rate ?? null,
    unflagged_exact_rate: receiptMetrics.unflagged_exact_rate ?? null,
    event_precision: eventMetrics.event_precision ?? null,
    event_recall: eventMetrics.event_recall ?? null,
    product_accuracy: eventMetrics.product_accuracy ?? null,
    // Who took it needs fusion as well as shelf events.
    attribution_accuracy: hasFusion ? (eventMetrics.attribution_accuracy ?? null) : null,
    hota: tracking?.['1m'].hota ?? null,
    idf1: tracking?.['1m'].idf1 ?? null,
    mota: tracking?.['1m'].mota ?? null,
    realtime_factor: replay?.realtimeFactor ?? null,
    stages,
    tracking,
    counts: { sessions: truth.sessions.length, interactions: truth.interactions.length, receipts: receipts.length, shelfEvents: events.length },
  };
}
