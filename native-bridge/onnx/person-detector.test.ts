// The detector with the real onnxruntime and the real weights (../shared/models): a missing model,
// a file that is not the manifest's, a corrupt frame and an unavailable GPU provider each give a
// clear, coded answer; a real store frame gives people. Skips, saying why, where weights are absent.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingClipMessage, storeClip } from '../ffmpeg/test-clips';
import { locateModel, modelSearchDirs } from './model-files';
import { findModel } from './model-manifest';
import { DetectorError, PersonDetector } from './person-detector';

const yolox = findModel('yolox_nano');
const weights = locateModel(yolox, modelSearchDirs());
const noWeights = `skipped: ${yolox.file} is in none of ${modelSearchDirs().join(', ')}`;
const loaded: PersonDetector[] = [];
afterAll(async () => Promise.all(loaded.map((d) => d.dispose())));

async function load(options: Parameters<typeof PersonDetector.load>[0]): Promise<PersonDetector> {
  const detector = await PersonDetector.load(options);
  loaded.push(detector);
  return detector;
}

async function failure(promise: Promise<unknown>): Promise<DetectorError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DetectorError);
  return error as DetectorError;
}

/** Frame n of a clip as rgb24, straight from ffmpeg. */
function clipFrame(path: string, n: number, width = 640, height = 360): Uint8Array {
  return new Uint8Array(
    execFileSync('ffmpeg', ['-v', 'error', '-i', path, '-vf', `select=eq(n\\,${n}),scale=${width}:${height}`, '-frames:v', '1', '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1'], {
      maxBuffer: 64 << 20,
    }),
  );
}

describe('PersonDetector', () => {
  it('a missing model: model-missing, naming where it looked and how to fetch it', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'walkout-models-'));
    const error = await failure(PersonDetector.load({ model: 'yolox_nano', modelsDir: empty, searchDefaults: false }));
    expect(error.code).toBe('model-missing');
    expect(error.message).toContain(empty);
    expect(error.message).toContain('walkout models fetch yolox_nano');
  });

  it('an unknown model name is refused with the known ones', async () => {
    await expect(PersonDetector.load({ model: 'resnet' })).rejects.toThrow(/no model named "resnet".*yolox_nano/);
  });

  it('a truncated file and a same-size impostor: model-invalid', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkout-models-'));
    writeFileSync(join(dir, yolox.file), Buffer.alloc(1000));
    expect((await failure(PersonDetector.load({ modelsDir: dir, searchDefaults: false }))).message).toMatch(/has 1000 bytes, the manifest says 3660092/);
    writeFileSync(join(dir, yolox.file), Buffer.alloc(yolox.sizeBytes, 7));
    const error = await failure(PersonDetector.load({ modelsDir: dir, searchDefaults: false }));
    expect(error.code).toBe('model-invalid');
    expect(error.message).toMatch(/sha256 [0-9a-f]{64}, the manifest says 695e750a/);
  });

  it('finds people in a real store frame', async (ctx) => {
    if (!weights) ctx.skip(noWeights);
    const clip = storeClip('cam1');
    if (!clip) ctx.skip(missingClipMessage('cam1'));
    const detector = await load({});
    expect(detector.provider).toBe('cpu');
    // Frame 60 of cam1: a shopper at the gondola (the model card's "scores 0.75–0.89").
    const result = await detector.detect(clipFrame(clip!, 60), 640, 360);
    expect(result.count).toBeGreaterThanOrEqual(1);
    const [x, y, w, h, score] = result.boxes;
    expect(score).toBeGreaterThan(0.5);
    expect(w! * h!).toBeGreaterThan(2000);
    expect(x! + w!).toBeLessThanOrEqual(640);
    expect(y! + h!).toBeLessThanOrEqual(360);
  });

  it('a corrupt frame: corrupt-frame, and the detector goes on working', async (ctx) => {
    if (!weights) ctx.skip(noWeights);
    const detector = await load({});
    const short = await failure(detector.detect(new Uint8Array(1000), 640, 360));
    expect(short.code).toBe('corrupt-frame');
    expect(short.message).toBe('frame has 1000 bytes, 640×360 rgb24 needs 691200');
    expect((await failure(detector.detect(new Uint8Array(0), 0, 0))).code).toBe('corrupt-frame');
    const after = await detector.detect(new Uint8Array(640 * 360 * 3), 640, 360);
    expect(after.count).toBe(0);
  });

  it('CUDA configured where it is not available: runs on the CPU and says why', async (ctx) => {
    if (!weights) ctx.skip(noWeights);
    const detector = await load({ executionProvider: 'cuda' });
    if (detector.provider === 'cuda') ctx.skip('skipped: this machine has a working CUDA provider');
    expect(detector.provider).toBe('cpu');
    expect(detector.providerNote).toMatch(/^cuda is not available here/);
  });

  it('the light detector loads from a copy in a configured folder', async (ctx) => {
    const light = findModel('light_person_detector');
    const source = locateModel(light, modelSearchDirs());
    if (!source) ctx.skip(`skipped: ${light.file} is absent`);
    const dir = mkdtempSync(join(tmpdir(), 'walkout-models-'));
    copyFileSync(source!, join(dir, light.file));
    const detector = await load({ model: 'light_person_detector', modelsDir: dir, searchDefaults: false });
    expect(detector.path).toBe(join(dir, light.file));
    expect((await detector.detect(new Uint8Array(320 * 240 * 3), 320, 240)).count).toBe(0);
  });
});
