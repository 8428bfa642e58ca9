// `walkout bench detector --video FILE`: milliseconds per frame and frames per second of the person
// detector on this machine's CPU (or the configured provider), over a real video.
import { resolve } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { benchDetector, type StageFigures } from '../../../devices/cameras/bench-detector';
import { defaultDetectorModel } from '../../../../native-bridge/onnx/model-manifest';
import { wholeNumber } from '../option-parsers';

function frameSize(value: string): { width: number; height: number } {
  const match = /^(\d{2,4})x(\d{2,4})$/.exec(value);
  if (!match) throw new InvalidArgumentError('expected WIDTHxHEIGHT, e.g. 640x360');
  return { width: Number(match[1]), height: Number(match[2]) };
}

function provider(value: string): 'cpu' | 'cuda' | 'dml' {
  if (value !== 'cpu' && value !== 'cuda' && value !== 'dml') throw new InvalidArgumentError('expected cpu, cuda or dml');
  return value;
}

const f = (s: StageFigures) => `${s.median.toFixed(1)} / ${s.mean.toFixed(1)} / ${s.p95.toFixed(1)}`;

export function registerBenchDetector(bench: Command): void {
  bench
    .command('detector')
    .description('ms per frame and frames per second of the person detector over a video (every frame, after a warm-up)')
    .requiredOption('--video <file>', 'a video file, e.g. ../shared/data/video/cps-test-01-nodepth-cam1.mp4')
    .option('--model <name>', 'a model from models/manifest.json', defaultDetectorModel)
    .option('--models-dir <dir>', 'where the weights are (searched before models/ and ../shared/models)')
    .option('--size <WxH>', 'frame size ffmpeg delivers', frameSize, { width: 640, height: 360 })
    .option('--fps <n>', 'frame rate ffmpeg delivers', wholeNumber(1, 60), 10)
    .option('--threads <n>', 'onnxruntime intra-op threads', wholeNumber(1, 64), 2)
    .option('--provider <name>', 'execution provider: cpu, cuda or dml', provider, 'cpu')
    .option('--spinning', 'let onnxruntime threads spin while waiting (off by default: it starves other threads on a shared CPU)')
    .option('--frames <n>', 'at most this many frames (default: the whole video)', wholeNumber(1, 1_000_000))
    .action(async (opts: { video: string; model: string; modelsDir?: string; size: { width: number; height: number }; fps: number; threads: number; provider: 'cpu' | 'cuda' | 'dml'; spinning?: boolean; frames?: number }) => {
      const r = await benchDetector({
        video: resolve(opts.video),
        model: opts.model,
        ...(opts.modelsDir ? { modelsDir: opts.modelsDir } : {}),
        format: { ...opts.size, fps: opts.fps },
        threads: opts.threads,
        spinning: opts.spinning ?? false,
        executionProvider: opts.provider,
        ...(opts.frames ? { frames: opts.frames } : {}),
        onProgress: (n) => {
          if (n % 100 === 0) console.error(`detector: ${n} frames…`);
        },
      });
      console.log(`${r.video}: ${r.frames} frames at ${r.size}, ${r.model} on ${r.provider} with ${r.threads} thread${r.threads === 1 ? '' : 's'}${r.spinning ? ' (spinning)' : ''}`);
      console.log('| stage | median ms | mean ms | p95 ms |');
      console.log('| --- | --- | --- | --- |');
      for (const [name, s] of [['letterbox + packing', r.preMs], ['inference', r.inferMs], ['decode + NMS', r.postMs], ['total', r.totalMs]] as const) {
        console.log(`| ${name} | ${f(s).split(' / ').join(' | ')} |`);
      }
      console.log(`detection: ${r.fps.toFixed(1)} frames/s; with ffmpeg decoding: ${r.endToEndFps.toFixed(1)} frames/s; people in ${r.framesWithPeople} of ${r.frames} frames (${r.peoplePerFrame.toFixed(2)} per frame)`);
      console.log(JSON.stringify(r));
    });
}
