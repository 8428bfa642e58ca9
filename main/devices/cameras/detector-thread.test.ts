// The detector in its own thread: a missing model and a corrupt frame come back across the thread
// as DetectorErrors with their codes; a real frame comes back with people. Skips where the weights
// or the clips are absent.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { missingClipMessage, storeClip } from '../../../native-bridge/ffmpeg/test-clips';
import { locateModel, modelSearchDirs } from '../../../native-bridge/onnx/model-files';
import { findModel } from '../../../native-bridge/onnx/model-manifest';
import { DetectorError } from '../../../native-bridge/onnx/person-detector';
import { DetectorThread } from './detector-thread';

const started: DetectorThread[] = [];
afterAll(async () => Promise.all(started.map((t) => t.dispose())));

describe('DetectorThread', () => {
  it('a missing model: the start fails with model-missing, and the thread is gone', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'walkout-models-'));
    const error = await DetectorThread.start({ modelsDir: empty, searchDefaults: false }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DetectorError);
    expect((error as DetectorError).code).toBe('model-missing');
    expect((error as DetectorError).message).toContain(empty);
  });

  it('detects people in a real frame, and refuses a corrupt one with its code', async (ctx) => {
    if (!locateModel(findModel('yolox_nano'), modelSearchDirs())) ctx.skip('skipped: yolox_nano.onnx is absent');
    const clip = storeClip('cam6');
    if (!clip) ctx.skip(missingClipMessage('cam6'));
    const thread = await DetectorThread.start({});
    started.push(thread);
    expect([thread.model, thread.provider]).toEqual(['yolox_nano', 'cpu']);
    const frame = new Uint8Array(execFileSync('ffmpeg', ['-v', 'error', '-i', clip!, '-frames:v', '1', '-s', '640x360', '-pix_fmt', 'rgb24', '-f', 'rawvideo', 'pipe:1']));
    const result = await thread.detect(frame, 640, 360);
    expect(result.count).toBeGreaterThanOrEqual(1);
    // The caller's frame stays whole: a copy crossed the thread.
    expect(frame.length).toBe(640 * 360 * 3);
    const corrupt = await thread.detect(frame.subarray(0, 1000), 640, 360).then(
      () => null,
      (e: unknown) => e,
    );
    expect(corrupt).toBeInstanceOf(DetectorError);
    expect((corrupt as DetectorError).code).toBe('corrupt-frame');
    expect((await thread.detect(frame, 640, 360)).count).toBe(result.count);
  });
});
