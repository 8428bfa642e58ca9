// The capture against the real ffmpeg: a real store clip gives every frame at the asked size and
// rate; dead sources (missing file, broken file, refused and silent RTSP servers, no ffmpeg at all)
// each end as a clear offline status with a restart scheduled, never as an exception.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FfmpegCapture, type CaptureOptions, type CaptureStatus } from './ffmpeg-capture';
import { missingClipMessage, storeClip } from './test-clips';

const captures: FfmpegCapture[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(captures.splice(0).map((c) => c.stop()));
  for (const s of servers.splice(0)) s.close();
});

function capture(options: CaptureOptions, onFrame?: (c: FfmpegCapture) => void): { capture: FfmpegCapture; statuses: CaptureStatus[] } {
  const statuses: CaptureStatus[] = [];
  const c: FfmpegCapture = new FfmpegCapture(options, { onStatus: (s) => statuses.push(s), onFrame: () => onFrame?.(c) });
  captures.push(c);
  c.start();
  return { capture: c, statuses };
}

async function until(check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const small = { width: 320, height: 180, fps: 10 };

describe('FfmpegCapture on a real store clip', () => {
  it('delivers every frame of the clip at the asked size, with media timestamps, then ends', async (ctx) => {
    const clip = storeClip('cam1');
    if (!clip) ctx.skip(missingClipMessage('cam1'));
    const seqs: number[] = [];
    let brightest = 0;
    const { capture: c, statuses } = capture({ source: { kind: 'file', url: clip! }, format: small }, (self) => {
      const frame = self.latest.take();
      if (!frame) return;
      seqs.push(frame.seq);
      expect(frame.data.length).toBe(320 * 180 * 3);
      expect(frame.ptsMs).toBe(frame.seq * 100);
      let sum = 0;
      for (let i = 0; i < frame.data.length; i += 97) sum += frame.data[i]!;
      brightest = Math.max(brightest, sum);
      self.latest.recycle(frame.data);
    });
    await until(() => c.status.state === 'ended');
    // 338 frames at 10 fps (ffprobe); the newest-frame hand-over may drop some in between.
    expect(c.latest.counters.received).toBe(338);
    expect(c.latest.counters.taken + c.latest.counters.dropped).toBe(338);
    expect(seqs.at(-1)).toBe(337);
    expect(brightest).toBeGreaterThan(0);
    expect(statuses.map((s) => s.state)).toEqual(['starting', 'running', 'ended']);
    expect(c.status.message).toBe('the video file ended');
  });

  it('with every-frame delivery holds ffmpeg back for a slow consumer and drops nothing', async (ctx) => {
    const clip = storeClip('cam7');
    if (!clip) ctx.skip(missingClipMessage('cam7'));
    const { capture: c } = capture({ source: { kind: 'file', url: clip! }, format: { width: 160, height: 90, fps: 10 }, delivery: 'every', stallMs: 1500 });
    const seqs: number[] = [];
    for (;;) {
      const frame = c.take();
      if (!frame) {
        // The stream may end while its last frame still waits to be taken: drain before stopping.
        if (c.status.state === 'ended') break;
        await new Promise((r) => setTimeout(r, 2));
        continue;
      }
      seqs.push(frame.seq);
      c.latest.recycle(frame.data);
      // Slower than the stall limit now and then: waiting for us is not a stalled stream.
      if (frame.seq === 100) await new Promise((r) => setTimeout(r, 3000));
    }
    expect(seqs).toEqual(Array.from({ length: 338 }, (_, i) => i));
    expect(c.latest.counters.dropped).toBe(0);
    expect(c.status.restarts).toBe(0);
  });

  it('plays a looping file at its own rate, as a camera would', async (ctx) => {
    const clip = storeClip('cam3');
    if (!clip) ctx.skip(missingClipMessage('cam3'));
    const { capture: c } = capture({ source: { kind: 'file', url: clip! }, format: small, realtime: true, loop: true });
    await until(() => c.status.state === 'running');
    const t0 = Date.now();
    const n0 = c.latest.counters.received;
    await new Promise((r) => setTimeout(r, 1500));
    const rate = ((c.latest.counters.received - n0) * 1000) / (Date.now() - t0);
    // 10 fps within what a busy 2-core machine allows; far below the hundreds a non-realtime read gives.
    expect(rate).toBeGreaterThan(5);
    expect(rate).toBeLessThan(16);
    // Nobody takes the frames: every one but the newest is dropped.
    expect(c.latest.counters.dropped).toBe(c.latest.counters.received - 1);
  });
});

describe('FfmpegCapture on dead sources', () => {
  const quick = { backoffMs: 200, maxBackoffMs: 400 };

  it('a missing file: offline with the reason, restarting with a doubling backoff', async () => {
    const { capture: c, statuses } = capture({ source: { kind: 'file', url: '/nonexistent/walkout/cam.mp4' }, format: small, ...quick });
    await until(() => c.status.restarts >= 2 && c.status.state === 'offline');
    expect(c.status.message).toMatch(/No such file or directory/);
    const delays = statuses.filter((s) => s.state === 'offline').map((s) => s.retryInMs);
    expect(delays.slice(0, 3)).toEqual([200, 400, 400]);
  });

  it('a broken file: offline with ffmpeg\'s reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'walkout-capture-'));
    const broken = join(dir, 'broken.mp4');
    writeFileSync(broken, Buffer.from('this is not a video file at all'.repeat(100)));
    const { capture: c } = capture({ source: { kind: 'file', url: broken }, format: small, ...quick });
    await until(() => c.status.state === 'offline');
    expect(c.status.message).toMatch(/Invalid data found when processing input/);
  });

  it('an RTSP server that refuses the connection: offline', async () => {
    const { capture: c } = capture({ source: { kind: 'rtsp', url: 'rtsp://127.0.0.1:9/stream' }, format: small, ...quick });
    await until(() => c.status.state === 'offline');
    expect(c.status.message).toMatch(/Connection refused/);
  });

  it('an RTSP server that accepts and then says nothing: the watchdog kills it and reports why', async () => {
    const server = createServer(() => undefined);
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const { capture: c } = capture({
      source: { kind: 'rtsp', url: `rtsp://127.0.0.1:${port}/stream` },
      format: small,
      ioTimeoutMs: 60_000,
      startTimeoutMs: 1000,
      ...quick,
    });
    await until(() => c.status.state === 'offline');
    expect(c.status.message).toBe('no frame within 1 s of starting');
  });

  it('no ffmpeg program: offline, saying what to install', async () => {
    const { capture: c } = capture({ source: { kind: 'file', url: '/tmp/x.mp4' }, format: small, ffmpegPath: '/nonexistent/ffmpeg', ...quick });
    await until(() => c.status.state === 'offline');
    expect(c.status.message).toMatch(/ffmpeg not found \(\/nonexistent\/ffmpeg\): install the ffmpeg package/);
  });

  it('refuses a source ffmpeg must not be handed, before starting anything', () => {
    expect(() => new FfmpegCapture({ source: { kind: 'rtsp', url: 'concat:/etc/passwd' }, format: small })).toThrow(/rtsp:\/\//);
  });

  it('stop() ends a running capture and its process', async (ctx) => {
    const clip = storeClip('cam5');
    if (!clip) ctx.skip(missingClipMessage('cam5'));
    const { capture: c, statuses } = capture({ source: { kind: 'file', url: clip! }, format: small, realtime: true, loop: true });
    await until(() => c.status.state === 'running');
    await c.stop();
    const received = c.latest.counters.received;
    await new Promise((r) => setTimeout(r, 300));
    expect(c.latest.counters.received).toBe(received);
    expect(statuses.at(-1)!.state).toBe('stopped');
  });

  it('stop() returns while every-frame delivery holds unread frames', async (ctx) => {
    const clip = storeClip('cam5');
    if (!clip) ctx.skip(missingClipMessage('cam5'));
    const { capture: c } = capture({ source: { kind: 'file', url: clip! }, format: small, delivery: 'every' });
    await until(() => c.latest.hasFrame);
    await c.stop();
    expect(c.status.state).toBe('stopped');
  });
});
