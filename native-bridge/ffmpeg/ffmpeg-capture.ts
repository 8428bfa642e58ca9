// One camera's capture: an ffmpeg child process turning the camera's stream into raw frames, kept
// alive. When the process dies, cannot start, or goes silent (a dead RTSP server often keeps the
// socket open), the camera is reported offline with ffmpeg's own reason and the capture restarts
// after a backoff that doubles up to a ceiling, so a camera that is down for an hour costs a
// process start every half minute, not a busy loop. A file source that simply ends (no loop) is
// "ended", not offline.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ffmpegArgs, frameBytes, type CaptureFormat, type FfmpegInputOptions, type VideoSource } from './ffmpeg-args';
import { FrameAssembler } from './frame-assembler';
import { LatestFrame, type RawFrame } from './latest-frame';

export type CaptureState = 'starting' | 'running' | 'offline' | 'ended' | 'stopped';

export interface CaptureStatus {
  state: CaptureState;
  /** Why it is offline or ended (ffmpeg's last error line, or the watchdog's reason). */
  message: string | null;
  /** Wall-clock ms since the state began. */
  since: number;
  /** Process starts after the first. */
  restarts: number;
  /** When offline: ms until the next start. */
  retryInMs: number | null;
}

export interface CaptureOptions extends FfmpegInputOptions {
  source: VideoSource;
  format: CaptureFormat;
  /**
   * `newest` (live cameras): frames are read as they come and only the newest waits, the others
   * are dropped and counted. `every`: ffmpeg is held back while a frame waits, so every frame is
   * processed (recordings, benchmarks, tests).
   */
  delivery?: 'newest' | 'every';
  /** The ffmpeg program; default WALKOUT_FFMPEG or `ffmpeg` on the PATH. */
  ffmpegPath?: string;
  /** A start with no frame within this long is a failure (RTSP connects can be slow). */
  startTimeoutMs?: number;
  /** A running stream with no frame for this long is dead. */
  stallMs?: number;
  /** First restart delay; doubles per failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  /** A stream that ran this long before failing restarts at the first delay again. */
  healthyAfterMs?: number;
}

export interface CaptureEvents {
  /** A new frame waits in `latest`. */
  onFrame?: () => void;
  onStatus?: (status: CaptureStatus) => void;
}

const STDERR_KEEP = 4;

export function defaultFfmpegPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.WALKOUT_FFMPEG || 'ffmpeg';
}

export class FfmpegCapture {
  readonly latest: LatestFrame;
  private child: ChildProcessByStdio<null, Readable, Readable> | null = null;
  private assembler: FrameAssembler | null = null;
  private statusNow: CaptureStatus;
  private stderrLines: string[] = [];
  private backoff: number;
  private retryTimer: NodeJS.Timeout | null = null;
  private watchdog: NodeJS.Timeout | null = null;
  private startedAt = 0;
  private lastFrameAt = 0;
  private watchdogReason: string | null = null;
  private exited: Promise<void> = Promise.resolve();
  private readonly o: Required<Omit<CaptureOptions, keyof FfmpegInputOptions>> & FfmpegInputOptions;
  private readonly frameSize: number;
  private pullSeq = 0;

  constructor(
    options: CaptureOptions,
    private readonly events: CaptureEvents = {},
  ) {
    this.o = {
      ffmpegPath: defaultFfmpegPath(),
      startTimeoutMs: 15_000,
      stallMs: Math.max(5000, (5 * 1000) / options.format.fps),
      backoffMs: 500,
      maxBackoffMs: 30_000,
      healthyAfterMs: 10_000,
      delivery: 'newest',
      ...options,
    };
    // Checked here, so a bad source fails when configured rather than on every restart.
    ffmpegArgs(options.source, options.format, options);
    this.frameSize = frameBytes(options.format);
    this.latest = new LatestFrame(this.frameSize);
    this.backoff = this.o.backoffMs;
    this.statusNow = { state: 'stopped', message: null, since: Date.now(), restarts: -1, retryInMs: null };
  }

  get status(): CaptureStatus {
    return { ...this.statusNow };
  }

  get format(): CaptureFormat {
    return this.o.format;
  }

  start(): void {
    if (this.statusNow.state !== 'stopped') return;
    this.launch();
  }

  /** The newest waiting frame (see LatestFrame.take); with `every` delivery, lets ffmpeg go on. */
  take(): RawFrame | null {
    const frame = this.latest.take();
    if (frame && this.o.delivery === 'every' && this.child) setImmediate(() => this.pull());
    return frame;
  }

  /** Ends the process and every timer; resolves once the process has exited. */
  async stop(): Promise<void> {
    this.clearTimers();
    this.setStatus('stopped', null, null);
    const child = this.child;
    if (child) {
      // Unread frames would hold the pipe, and with it the process's 'close', open.
      child.stdout.destroy();
      child.kill('SIGTERM');
      const force = setTimeout(() => child.kill('SIGKILL'), 2000);
      await this.exited;
      clearTimeout(force);
    }
    this.latest.clear();
  }

  private launch(): void {
    const { source, format } = this.o;
    this.stderrLines = [];
    this.watchdogReason = null;
    this.startedAt = Date.now();
    this.lastFrameAt = 0;
    this.latest.clear();
    this.assembler = this.o.delivery === 'newest' ? new FrameAssembler(format, this.latest) : null;
    this.setStatus('starting', null, null, true);
    const child = spawn(this.o.ffmpegPath, ffmpegArgs(source, format, this.o), { stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let spawnError: Error | null = null;
    this.exited = new Promise((resolve) => {
      child.once('close', (code, signal) => {
        resolve();
        this.onExit(child, code, signal, spawnError);
      });
    });
    child.once('error', (error) => {
      spawnError = error;
    });
    this.pullSeq = 0;
    if (this.o.delivery === 'every') {
      child.stdout.on('readable', () => this.pull());
    } else {
      child.stdout.on('data', (chunk: Buffer) => {
        const assembler = this.assembler;
        if (!assembler || this.child !== child) return;
        const before = assembler.frames;
        assembler.push(chunk);
        if (assembler.frames !== before) this.frameArrived();
      });
    }
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      for (const line of text.split(/\r?\n/)) {
        const trimmed = line.trim();
        if (trimmed) this.stderrLines.push(trimmed.slice(0, 300));
      }
      if (this.stderrLines.length > STDERR_KEEP) this.stderrLines.splice(0, this.stderrLines.length - STDERR_KEEP);
    });
    this.watchdog = setInterval(() => this.checkAlive(child), Math.min(1000, this.o.stallMs / 2));
  }

  /** `every` delivery: reads one whole frame while none waits; the pipe's backpressure holds ffmpeg. */
  private pull(): void {
    const child = this.child;
    if (!child || this.latest.hasFrame) return;
    const bytes = child.stdout.read(this.frameSize) as Buffer | null;
    // At the end of the stream read() hands over a trailing partial frame: not a frame.
    if (!bytes || bytes.length !== this.frameSize) return;
    const data = this.latest.acquire();
    data.set(bytes);
    const { width, height, fps } = this.o.format;
    this.latest.publish({ data, width, height, seq: this.pullSeq, ptsMs: (this.pullSeq * 1000) / fps, capturedAtMs: Date.now() });
    this.pullSeq++;
    this.frameArrived();
  }

  private frameArrived(): void {
    this.lastFrameAt = Date.now();
    if (this.statusNow.state === 'starting') this.setStatus('running', null, null);
    this.events.onFrame?.();
  }

  private checkAlive(child: ChildProcessByStdio<null, Readable, Readable>): void {
    const now = Date.now();
    // With `every` delivery a waiting frame holds ffmpeg back: the consumer is slow, not the stream.
    if (this.o.delivery === 'every' && this.latest.hasFrame) this.lastFrameAt = now;
    if (this.statusNow.state === 'starting' && now - this.startedAt > this.o.startTimeoutMs) {
      this.watchdogReason = `no frame within ${Math.round(this.o.startTimeoutMs / 1000)} s of starting`;
    } else if (this.statusNow.state === 'running' && now - this.lastFrameAt > this.o.stallMs) {
      this.watchdogReason = `no frame for ${(this.o.stallMs / 1000).toFixed(1)} s`;
    } else return;
    child.kill('SIGKILL');
  }

  private onExit(child: ChildProcessByStdio<null, Readable, Readable>, code: number | null, signal: NodeJS.Signals | null, spawnError: Error | null): void {
    if (this.child !== child) return;
    this.child = null;
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    this.assembler?.dispose();
    this.assembler = null;
    if (this.statusNow.state === 'stopped') return;
    const ranMs = this.lastFrameAt > 0 ? this.lastFrameAt - this.startedAt : 0;
    const endedCleanly = code === 0 && !this.watchdogReason && this.o.source.kind === 'file' && !this.o.loop;
    if (endedCleanly) {
      this.setStatus('ended', 'the video file ended', null);
      return;
    }
    if (ranMs >= this.o.healthyAfterMs) this.backoff = this.o.backoffMs;
    const reason = this.failureReason(code, signal, spawnError);
    const delay = this.backoff;
    this.backoff = Math.min(this.o.maxBackoffMs, this.backoff * 2);
    this.setStatus('offline', reason, delay);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.statusNow.state === 'offline') this.launch();
    }, delay);
  }

  private failureReason(code: number | null, signal: NodeJS.Signals | null, spawnError: Error | null): string {
    if (spawnError) {
      const missing = (spawnError as NodeJS.ErrnoException).code === 'ENOENT';
      return missing
        ? `ffmpeg not found (${this.o.ffmpegPath}): install the ffmpeg package or set WALKOUT_FFMPEG`
        : `ffmpeg could not start: ${spawnError.message}`;
    }
    if (this.watchdogReason) return this.watchdogReason;
    const last = this.stderrLines.at(-1);
    const how = signal ? `ffmpeg was killed (${signal})` : `ffmpeg exited with code ${code}`;
    return last ? `${last} (${how})` : how;
  }

  private setStatus(state: CaptureState, message: string | null, retryInMs: number | null, restarted = false): void {
    const restarts = this.statusNow.restarts + (restarted ? 1 : 0);
    this.statusNow = { state, message, since: Date.now(), restarts, retryInMs };
    this.events.onStatus?.(this.status);
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.watchdog) clearInterval(this.watchdog);
    this.retryTimer = null;
    this.watchdog = null;
  }
}
