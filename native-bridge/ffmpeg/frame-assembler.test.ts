// Frames cut from a byte stream whatever the chunking, newest-frame hand-over with drop counting.
import { describe, expect, it } from 'vitest';
import { FrameAssembler } from './frame-assembler';
import { checkVideoSource, ffmpegArgs } from './ffmpeg-args';
import { LatestFrame } from './latest-frame';

const format = { width: 4, height: 2, fps: 10 };
const size = 4 * 2 * 3;

function stream(frames: number): Uint8Array {
  const bytes = new Uint8Array(frames * size);
  for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(i / size) * 10 + (i % 7);
  return bytes;
}

describe('FrameAssembler', () => {
  it.each([1, 5, 24, 25, 64, 1000])('cuts frames exactly with chunks of %i bytes', (chunk) => {
    const sink = new LatestFrame(size);
    const assembler = new FrameAssembler(format, sink, () => 42);
    const bytes = stream(3);
    const seen: number[][] = [];
    for (let i = 0; i < bytes.length; i += chunk) {
      assembler.push(bytes.subarray(i, Math.min(bytes.length, i + chunk)));
      const frame = sink.take();
      if (frame) {
        seen.push([frame.seq, frame.ptsMs, frame.data[0]!, frame.data[size - 1]!]);
        sink.recycle(frame.data);
      }
    }
    expect(assembler.frames).toBe(3);
    expect(assembler.partialBytes).toBe(0);
    // Large chunks deliver several frames at once: only the newest is taken, the rest dropped.
    expect(seen.at(-1)).toEqual([2, 200, bytes[2 * size], bytes[3 * size - 1]]);
    expect(sink.counters.received).toBe(3);
    expect(sink.counters.dropped + sink.counters.taken).toBe(3);
  });

  it('keeps a trailing partial frame out of the frames', () => {
    const sink = new LatestFrame(size);
    const assembler = new FrameAssembler(format, sink);
    assembler.push(stream(2).subarray(0, size + 5));
    expect(assembler.frames).toBe(1);
    expect(assembler.partialBytes).toBe(5);
  });

  it('refuses a sink sized for another format', () => {
    expect(() => new FrameAssembler(format, new LatestFrame(size + 3))).toThrow(/needs 24/);
  });
});

describe('LatestFrame', () => {
  it('hands over only the newest frame and counts the ones replaced', () => {
    const slot = new LatestFrame(3);
    for (let seq = 0; seq < 5; seq++) slot.publish({ data: slot.acquire(), width: 1, height: 1, seq, ptsMs: seq * 100, capturedAtMs: 0 });
    const frame = slot.take();
    expect(frame?.seq).toBe(4);
    expect(slot.take()).toBeNull();
    expect(slot.counters).toEqual({ received: 5, dropped: 4, taken: 1 });
  });

  it('reuses recycled buffers instead of allocating', () => {
    const slot = new LatestFrame(3);
    const first = slot.acquire();
    slot.publish({ data: first, width: 1, height: 1, seq: 0, ptsMs: 0, capturedAtMs: 0 });
    slot.publish({ data: slot.acquire(), width: 1, height: 1, seq: 1, ptsMs: 100, capturedAtMs: 0 });
    expect(slot.acquire()).toBe(first);
  });
});

describe('ffmpeg sources', () => {
  it('accepts the three camera source kinds', () => {
    expect(checkVideoSource({ kind: 'file', url: '/videos/cam1.mp4' })).toBeNull();
    expect(checkVideoSource({ kind: 'rtsp', url: 'rtsp://10.0.0.5:554/stream1' })).toBeNull();
    expect(checkVideoSource({ kind: 'v4l2', url: '/dev/video0' })).toBeNull();
  });

  it.each([
    [{ kind: 'file' as const, url: 'relative.mp4' }, /absolute path/],
    [{ kind: 'file' as const, url: '/a\nb.mp4' }, /control characters/],
    [{ kind: 'rtsp' as const, url: 'http://example.com/x' }, /rtsp:\/\//],
    [{ kind: 'rtsp' as const, url: 'concat:/etc/passwd' }, /rtsp:\/\//],
    [{ kind: 'v4l2' as const, url: '/etc/passwd' }, /\/dev\/videoN/],
  ])('refuses %o', (source, message) => {
    expect(checkVideoSource(source)).toMatch(message);
    expect(() => ffmpegArgs(source, format)).toThrow(message);
  });

  it('limits a file source to the file protocol and asks for constant-rate rgb24', () => {
    const args = ffmpegArgs({ kind: 'file', url: '/v/a.mp4' }, { width: 640, height: 360, fps: 10 }, { realtime: true, loop: true });
    expect(args.join(' ')).toContain('-protocol_whitelist file -re -stream_loop -1 -i file:/v/a.mp4');
    expect(args.join(' ')).toContain('-vf fps=10,scale=640:360:flags=bilinear -pix_fmt rgb24 -f rawvideo pipe:1');
  });
});
