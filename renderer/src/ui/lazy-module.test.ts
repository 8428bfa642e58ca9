// A split chunk's loader: one download however many components ask, a failed download becomes an
// error a person can read, and Retry downloads it again.
import { describe, expect, it } from 'vitest';
import type { LoadState } from '../state/load-state';
import { lazyModule } from './lazy-module';

/** Stands in for `import()` of a chunk: answers each call with the next outcome, counting calls. */
function chunkDownloads<T>(...outcomes: (T | Error)[]) {
  const downloads = { count: 0 };
  const importModule = () => {
    const outcome = outcomes[downloads.count++];
    return outcome instanceof Error ? Promise.reject(outcome) : Promise.resolve(outcome as T);
  };
  return { downloads, importModule };
}

const chart = { EChart: 'the chart component' };
const missingChunk = new TypeError('Failed to fetch dynamically imported module: http://127.0.0.1/assets/EChart-old.js');

describe('lazyModule', () => {
  it('downloads once however many components ask, and not again once there', async () => {
    const { downloads, importModule } = chunkDownloads(chart);
    const charts = lazyModule(importModule, 'the charting code');
    expect(charts.store.getState()).toEqual({ status: 'idle' });

    const asked = [charts.load(), charts.load(), charts.load()];
    expect(charts.store.getState()).toEqual({ status: 'loading' });
    await Promise.all(asked);
    await charts.load();

    expect(charts.store.getState()).toEqual({ status: 'ready', data: chart });
    expect(downloads.count).toBe(1);
  });

  it('shows a failed download as an error saying what to do, and Retry downloads it again', async () => {
    const { downloads, importModule } = chunkDownloads(missingChunk, chart);
    const charts = lazyModule(importModule, 'the charting code');
    const seen: LoadState<typeof chart>['status'][] = [];
    charts.store.subscribe((state) => seen.push(state.status));

    await charts.load();
    expect(charts.store.getState()).toEqual({
      status: 'error',
      error: {
        code: 'internal',
        message:
          'Could not load the charting code (Failed to fetch dynamically imported module: http://127.0.0.1/assets/EChart-old.js). If Walkout was updated since this page opened, reload the page.',
      },
    });

    await charts.load();
    expect(charts.store.getState()).toEqual({ status: 'ready', data: chart });
    expect(seen).toEqual(['loading', 'error', 'loading', 'ready']);
    expect(downloads.count).toBe(2);
  });
});
