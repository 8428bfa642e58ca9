// `walkout bench detector`: the person detector's cost on this machine over a real video — every
// frame decoded by ffmpeg at the camera size, then letterboxed, inferred and decoded. Reports each
// stage's milliseconds per frame (median, mean, 95th percentile; warm-up frames excluded) and the
// frames per second one detector thread sustains.
import { performance } from 'node:perf_hooks';
import { FfmpegCapture } from '../../../native-bridge/ffmpeg/ffmpeg-capture';
import type { CaptureFormat } from '../../../native-bridge/ffmpeg/ffmpeg-args';
import { PersonDetector, type DetectorOptions } from '../../../native-bridge/onnx/person-detector';

export interface BenchDetectorOptions extends DetectorOptions {
  video: string;
  format: CaptureFormat;
  /** At most this many frames after the warm-up (default: the whole video). */
  frames?: number;
  warmup?: number;
  onProgress?: (frames: number) => void;
}

export interface StageFigures {
  median: number;
  mean: number;
  p95: number;
}

export interface BenchDetectorResult {
  video: string;
  model: string;
  provider: string;
  threads: number;
  spinning: boolean;
  size: string;
  frames: number;
  preMs: StageFigures;
  inferMs: StageFigures;
  postMs: StageFigures;
  totalMs: StageFigures;
  /** 1000 / mean total: frames per second of detection on one thread. */
  fps: number;
  /** Frames with at least one person, and people per frame. */
  framesWithPeople: number;
  peoplePerFrame: number;
  /** Wall time including ffmpeg's decoding, frames per second. */
  endToEndFps: number;
}

function stage(values: number[]): StageFigures {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), mean: values.reduce((a, b) => a + b, 0) / Math.max(1, values.length), p95: at(0.95) };
}

export async function benchDetector(options: BenchDetectorOptions): Promise<BenchDetectorResult> {
  const warmup = options.warmup ?? 5;
  const limit = (options.frames ?? Infinity) + warmup;
  const detector = await PersonDetector.load(options);
  const capture = new FfmpegCapture({ source: { kind: 'file', url: options.video }, format: options.format, delivery: 'every' });
  const pre: number[] = [];
  const infer: number[] = [];
  const post: number[] = [];
  const total: number[] = [];
  let seen = 0;
  let withPeople = 0;
  let people = 0;
  let started = 0;
  try {
    capture.start();
    while (seen < limit) {
      const state = capture.status.state;
      const frame = capture.take();
      if (!frame) {
        if (state === 'ended') break;
        if (state === 'offline') throw new Error(`${options.video}: ${capture.status.message}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
        continue;
      }
      const result = await detector.detect(frame.data, frame.width, frame.height);
      capture.latest.recycle(frame.data);
      seen++;
      if (seen === warmup) started = performance.now();
      if (seen <= warmup) continue;
      pre.push(result.preMs);
      infer.push(result.inferMs);
      post.push(result.postMs);
      total.push(result.preMs + result.inferMs + result.postMs);
      people += result.count;
      if (result.count > 0) withPeople++;
      options.onProgress?.(total.length);
    }
  } finally {
    await capture.stop();
    await detector.dispose();
  }
  if (total.length === 0) throw new Error(`${options.video}: no frames after the ${warmup} warm-up frames`);
  const wallS = (performance.now() - started) / 1000;
  const totals = stage(total);
  return {
    video: options.video,
    model: detector.model.name,
    provider: detector.provider,
    threads: options.threads ?? 2,
    spinning: options.spinning ?? false,
    size: `${options.format.width}x${options.format.height}`,
    frames: total.length,
    preMs: stage(pre),
    inferMs: stage(infer),
    postMs: stage(post),
    totalMs: totals,
    fps: 1000 / totals.mean,
    framesWithPeople: withPeople,
    peoplePerFrame: people / total.length,
    endToEndFps: total.length / wallS,
  };
}
