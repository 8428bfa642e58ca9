// `walkout mot`: score a tracker's MOTChallenge file against ground truth with TrackEval's HOTA, CLEAR
// and Identity metrics, printed as one JSON object (so scripts and benchmarks can read it).
import type { Command } from 'commander';
import { evaluateMot, type MotKind } from '../../../eval/mot';
import { readMotChallengeFile } from '../../../eval/mot/motchallenge-file';
import { positiveNumber } from '../option-parsers';

export interface MotCommandOptions {
  gt: string;
  tracker: string;
  /** Floor points in metres (`frame,id,x,y`) instead of boxes. */
  points?: boolean;
  /** Metres at which point similarity reaches 0 (TrackEval's default is 2: a match needs <= 1 m). */
  zeroDistance?: number;
}

/** Evaluate the two files and return the report `walkout mot` prints. */
export function motReport(options: MotCommandOptions): Record<string, unknown> {
  if (options.zeroDistance !== undefined && !options.points) throw new Error('--zero-distance applies only with --points');
  const kind: MotKind = options.points ? { kind: 'point', zeroDistance: options.zeroDistance ?? 2 } : { kind: 'box' };
  const m = evaluateMot(readMotChallengeFile(options.gt, kind), readMotChallengeFile(options.tracker, kind), kind);
  return {
    similarity: kind.kind === 'box' ? 'iou' : { kind: 'point', zeroDistanceM: kind.zeroDistance },
    HOTA: m.HOTA,
    DetA: m.DetA,
    AssA: m.AssA,
    LocA: m.LocA,
    MOTA: m.MOTA,
    MOTP: m.MOTP,
    IDSW: m.IDSW,
    IDF1: m.IDF1,
    IDP: m.IDP,
    IDR: m.IDR,
    TP: m.TP,
    FN: m.FN,
    FP: m.FP,
    Frag: m.Frag,
    MT: m.MT,
    PT: m.PT,
    ML: m.ML,
    IDTP: m.IDTP,
    IDFN: m.IDFN,
    IDFP: m.IDFP,
    counts: m.counts,
  };
}

export function registerMot(program: Command): void {
  program
    .command('mot')
    .description('multi-object-tracking metrics (HOTA, CLEAR, Identity) computed as TrackEval computes them, printed as JSON')
    .requiredOption('--gt <file>', 'ground truth, MOTChallenge text: frame,id,x,y,w,h[,...] (or frame,id,x,y with --points)')
    .requiredOption('--tracker <file>', 'tracker output, same format as --gt')
    .option('--points', 'floor points in metres (frame,id,x,y) compared by distance, instead of boxes compared by IoU')
    .option('--zero-distance <metres>', 'with --points: distance at which similarity falls to 0 (default 2)', positiveNumber('a positive number of metres'))
    .action((options: MotCommandOptions) => {
      console.log(JSON.stringify(motReport(options), null, 2));
    });
}
