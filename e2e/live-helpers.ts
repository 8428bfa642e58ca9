// What the live floor map's end-to-end tests share: calls to the running host and a watch on its
// live stream over the host's own WebSocket API (as the renderer makes them), and a click on a
// shopper exactly where the live canvas drew them.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import type { LiveFloorFrame } from '../native-bridge/contract';

export const hostUrl = () => process.env.WALKOUT_E2E_URL!;

export interface OwnHost {
  url: string;
  /** Stops the host under the page (SIGTERM), as an operator closing it would. */
  stop(): void;
  /** Kills it if still running and removes its data folder. */
  dispose(): void;
}

/** A browser host of a test's own (the built CLI on a free port, a throwaway data folder), started with `args` after `serve`. */
export async function startOwnHost(args: string[] = []): Promise<OwnHost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'walkout-e2e-own-'));
  const child = spawn(process.execPath, ['bin/walkout.js', 'serve', '--store', 'demo', '--port', '0', '--json', '--data-dir', dataDir, ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const dispose = () => {
    child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const line = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`walkout serve exited with ${code}`)));
      createInterface({ input: child.stdout! }).once('line', resolve);
    });
    const { url } = JSON.parse(line) as { url: string };
    return { url, stop: () => child.kill('SIGTERM'), dispose };
  } catch (error) {
    dispose();
    throw error;
  }
}

// The e2e folder is type-checked with Node's libraries, not the DOM's; these are the few browser
// names the snippets below use inside the page.
interface PageElement {
  dataset: Record<string, string | undefined>;
  getBoundingClientRect(): { left: number; top: number };
  parentElement: { dispatchEvent(event: unknown): boolean } | null;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const MouseEvent: new (type: string, init: { bubbles: boolean; clientX: number; clientY: number; button: number }) => unknown;

function openSocket(url: string): WebSocket {
  const page = new URL(url);
  return new WebSocket(`ws://${page.host}/api?token=${page.searchParams.get('token') ?? ''}`);
}

type WireFrame = { t: string; i?: string; m?: string; a?: unknown[]; r?: unknown; e?: unknown };

/** One call to the running host over its WebSocket API, as the renderer would make it. */
export async function callHost<T>(method: string, input: unknown = {}, url = hostUrl()): Promise<T> {
  const socket = openSocket(url);
  try {
    return await new Promise<T>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ t: 'q', i: '1', m: method, a: [input] })));
      socket.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as WireFrame;
        if (frame.t !== 's' || frame.i !== '1') return;
        if (frame.e) reject(new Error(`${method}: ${JSON.stringify(frame.e)}`));
        else resolve(frame.r as T);
      });
    });
  } finally {
    socket.close();
  }
}

/** Watches the host's live stream until `wanted` picks something out of a frame. */
export async function watchLiveFloor<T>(wanted: (frame: LiveFloorFrame) => T | undefined, timeoutMs: number, url = hostUrl()): Promise<T> {
  const socket = openSocket(url);
  try {
    return await new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`nothing wanted in the live stream within ${timeoutMs} ms`)), timeoutMs);
      socket.once('error', reject);
      socket.once('open', () => socket.send(JSON.stringify({ t: 'q', i: 'sub', m: 'subscribe', a: ['liveFloor'] })));
      socket.on('message', (data: WebSocket.RawData) => {
        const frame = JSON.parse(data.toString()) as WireFrame;
        if (frame.t !== 'q' || frame.m !== 'push' || frame.a?.[0] !== 'liveFloor') return;
        const found = wanted(frame.a[1] as LiveFloorFrame);
        if (found !== undefined) {
          clearTimeout(timer);
          resolve(found);
        }
      });
    });
  } finally {
    socket.close();
  }
}

/**
 * Clicks a shopper where the live canvas last drew them: the first one drawn, or track `trackId`.
 * Shoppers move fast at 10× real time, so the spot is read and the click dispatched in one go inside
 * the page, between two animation frames. Returns the track id clicked.
 */
export async function clickShopper(page: Page, trackId?: number): Promise<number> {
  const canvas = page.getByTestId('live-layer');
  if (trackId !== undefined) {
    await page.evaluate((id) => {
      document.querySelector('[data-testid="live-layer"]')!.dataset.sampleTrack = String(id);
    }, trackId);
    await canvas.and(page.locator(`[data-sample^="${trackId} "]`)).waitFor();
  }
  return page.evaluate(() => {
    const layer = document.querySelector('[data-testid="live-layer"]');
    const [id, x, y] = (layer?.dataset.sample ?? '').split(' ').map(Number);
    if (!layer || id === undefined || x === undefined || y === undefined || Number.isNaN(y)) throw new Error('no shopper drawn');
    const rect = layer.getBoundingClientRect();
    layer.parentElement!.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: rect.left + x, clientY: rect.top + y, button: 0 }));
    return id;
  });
}
