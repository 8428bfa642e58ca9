// Fetching weights over HTTP and from file:// URLs, kept only when the sha256 matches: a wrong,
// short, oversized or missing download leaves nothing behind. Served from a local HTTP server (this
// machine has no internet); the real YOLOX-Nano weights are used where ../shared/models has them.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchModel } from './model-fetch';
import { locateModel, modelSearchDirs } from './model-files';
import { findModel, type ModelEntry } from './model-manifest';

const payload = Buffer.from(Array.from({ length: 50_000 }, (_, i) => (i * 31) % 251));
const tiny: ModelEntry = {
  ...findModel('yolox_nano'),
  name: 'tiny_test_model',
  file: 'tiny_test_model.onnx',
  sizeBytes: payload.length,
  sha256: createHash('sha256').update(payload).digest('hex'),
};

let server: Server;
let base = '';
const served = new Map<string, Buffer>();
beforeAll(async () => {
  served.set('/tiny.onnx', payload);
  served.set('/forged.onnx', Buffer.from(payload).fill(1, 0, 10));
  served.set('/short.onnx', payload.subarray(0, 1000));
  served.set('/long.onnx', Buffer.concat([payload, payload]));
  const real = locateModel(findModel('yolox_nano'), modelSearchDirs());
  if (real) served.set('/yolox_nano.onnx', readFileSync(real));
  server = createServer((req, res) => {
    const body = served.get(req.url ?? '');
    if (!body) {
      res.writeHead(404).end('not here');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    // In pieces, as a real download arrives.
    for (let i = 0; i < body.length; i += 16_384) res.write(body.subarray(i, i + 16_384));
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(() => server.close());

const destDir = () => mkdtempSync(join(tmpdir(), 'walkout-fetch-'));

describe('fetchModel', () => {
  it('downloads over HTTP, reports progress, verifies and keeps the file', async () => {
    const dir = destDir();
    const progress: number[] = [];
    const fetched = await fetchModel(tiny, { destDir: dir, url: `${base}/tiny.onnx`, onProgress: (p) => progress.push(p.received) });
    expect(fetched).toEqual({ path: join(dir, tiny.file), bytes: payload.length, alreadyPresent: false });
    expect(readFileSync(fetched.path).equals(payload)).toBe(true);
    expect(progress.at(-1)).toBe(payload.length);
    expect(progress.length).toBeGreaterThan(1);
    // A second fetch finds the verified copy and downloads nothing.
    expect((await fetchModel(tiny, { destDir: dir, url: `${base}/missing.onnx` })).alreadyPresent).toBe(true);
  });

  it('copies from a file:// URL (a mirror on a share)', async () => {
    const src = join(destDir(), 'mirror.onnx');
    writeFileSync(src, payload);
    const dir = destDir();
    const fetched = await fetchModel(tiny, { destDir: dir, url: pathToFileURL(src).href });
    expect(readFileSync(fetched.path).equals(payload)).toBe(true);
  });

  it.each([
    ['/forged.onnx', /sha256 [0-9a-f]{64} is not the manifest's/],
    ['/short.onnx', /got 1000 bytes, the manifest lists 50000/],
    ['/long.onnx', /more than the 50000 bytes/],
    ['/nothing.onnx', /answered 404/],
  ])('refuses %s and leaves nothing behind', async (path, message) => {
    const dir = destDir();
    await expect(fetchModel(tiny, { destDir: dir, url: `${base}${path}` })).rejects.toThrow(message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('replaces a corrupt copy with a verified one', async () => {
    const dir = destDir();
    writeFileSync(join(dir, tiny.file), Buffer.alloc(payload.length));
    const fetched = await fetchModel(tiny, { destDir: dir, url: `${base}/tiny.onnx` });
    expect(fetched.alreadyPresent).toBe(false);
    expect(readFileSync(fetched.path).equals(payload)).toBe(true);
  });

  it('refuses URL schemes other than https, http and file', async () => {
    await expect(fetchModel(tiny, { destDir: destDir(), url: 'ftp://example.com/m.onnx' })).rejects.toThrow(/only https, http and file/);
  });

  it('fetches the real YOLOX-Nano weights against the manifest sha256', async (ctx) => {
    if (!served.has('/yolox_nano.onnx')) ctx.skip('skipped: yolox_nano.onnx is not in ../shared/models');
    const dir = destDir();
    const fetched = await fetchModel(findModel('yolox_nano'), { destDir: dir, url: `${base}/yolox_nano.onnx` });
    expect(existsSync(fetched.path)).toBe(true);
    expect(fetched.bytes).toBe(3_660_092);
  });
});
