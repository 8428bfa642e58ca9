// `walkout models fetch`: downloads a model's weights from the source URL in the manifest and keeps
// them only when their sha256 is the manifest's. The bytes go to a temporary file next to the target
// and are renamed into place once verified, so an interrupted or forged download never leaves a
// file the detector would load.
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, renameSync, rmSync, createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkModelFile } from './model-files';
import type { ModelEntry } from './model-manifest';

export interface FetchProgress {
  received: number;
  total: number;
}

export interface FetchedModel {
  path: string;
  bytes: number;
  /** True when a verified copy was already there and nothing was downloaded. */
  alreadyPresent: boolean;
}

async function* download(url: string): AsyncGenerator<Uint8Array> {
  const parsed = new URL(url);
  if (parsed.protocol === 'file:') {
    yield* createReadStream(fileURLToPath(parsed)) as AsyncIterable<Buffer>;
    return;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`${url}: only https, http and file URLs can be fetched`);
  const response = await fetch(url, { redirect: 'follow' });
  if (!response.ok || !response.body) throw new Error(`${url}: the server answered ${response.status} ${response.statusText}`);
  yield* response.body as unknown as AsyncIterable<Uint8Array>;
}

export async function fetchModel(
  entry: ModelEntry,
  options: { destDir: string; url?: string; onProgress?: (progress: FetchProgress) => void },
): Promise<FetchedModel> {
  const path = join(options.destDir, entry.file);
  if (existsSync(path) && (await checkModelFile(path, entry)) === null) return { path, bytes: entry.sizeBytes, alreadyPresent: true };
  mkdirSync(options.destDir, { recursive: true });
  const url = options.url ?? entry.sourceUrl;
  const partial = `${path}.part-${process.pid}`;
  const hash = createHash('sha256');
  let received = 0;
  const out = createWriteStream(partial);
  try {
    for await (const chunk of download(url)) {
      received += chunk.byteLength;
      if (received > entry.sizeBytes) throw new Error(`${url}: more than the ${entry.sizeBytes} bytes the manifest lists; not ${entry.name}`);
      hash.update(chunk);
      if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      options.onProgress?.({ received, total: entry.sizeBytes });
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
    if (received !== entry.sizeBytes) throw new Error(`${url}: got ${received} bytes, the manifest lists ${entry.sizeBytes} (interrupted?)`);
    const sha = hash.digest('hex');
    if (sha !== entry.sha256) throw new Error(`${url}: sha256 ${sha} is not the manifest's ${entry.sha256}; the file was not kept`);
    renameSync(partial, path);
    return { path, bytes: received, alreadyPresent: false };
  } catch (error) {
    out.destroy();
    rmSync(partial, { force: true });
    throw error;
  }
}
