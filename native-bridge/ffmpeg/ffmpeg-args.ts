// The ffmpeg command line for one camera: any source (RTSP, V4L2, a video file) in, raw rgb24
// frames of a fixed size at a fixed rate out on stdout. The fps filter makes the output constant
// rate, so frame n's media time is exactly n / fps from the start of the stream.
//
// Sources are checked before they reach ffmpeg: ffmpeg understands far more than a camera URL
// (concat:, subfile:, pipes, http…), so each kind must have the contract's shape and gets its own
// protocol whitelist.
import { videoSourceSchema, type VideoSource } from '../contract/cameras';
export type { VideoSource };

export interface CaptureFormat {
  width: number;
  height: number;
  fps: number;
}

export interface FfmpegInputOptions {
  /** Files only: read at the file's own rate, as a camera would deliver it (ffmpeg -re). */
  realtime?: boolean;
  /** Files only: start again at the end, for a camera that plays a recorded clip forever. */
  loop?: boolean;
  /** RTSP: socket I/O timeout, so a silent server fails instead of hanging. */
  ioTimeoutMs?: number;
}

/** Why a source cannot be captured (the contract's rules), or null when it is acceptable. */
export function checkVideoSource(source: VideoSource): string | null {
  const parsed = videoSourceSchema.safeParse(source);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a video source');
}

export function frameBytes(format: CaptureFormat): number {
  return format.width * format.height * 3;
}

export function ffmpegArgs(source: VideoSource, format: CaptureFormat, options: FfmpegInputOptions = {}): string[] {
  const problem = checkVideoSource(source);
  if (problem) throw new Error(`video source ${source.url}: ${problem}`);
  const input: string[] = [];
  switch (source.kind) {
    case 'file':
      input.push('-protocol_whitelist', 'file');
      if (options.realtime) input.push('-re');
      if (options.loop) input.push('-stream_loop', '-1');
      input.push('-i', `file:${source.url}`);
      break;
    case 'rtsp':
      input.push('-protocol_whitelist', 'rtsp,rtsps,rtp,srtp,udp,tcp,tls', '-rtsp_transport', 'tcp');
      input.push('-timeout', String(Math.round((options.ioTimeoutMs ?? 5000) * 1000)));
      input.push('-i', source.url);
      break;
    case 'v4l2':
      input.push('-f', 'v4l2', '-i', source.url);
      break;
  }
  const { width, height, fps } = format;
  return [
    '-hide_banner',
    '-nostdin',
    '-loglevel',
    'error',
    ...input,
    '-an',
    '-sn',
    '-vf',
    `fps=${fps},scale=${width}:${height}:flags=bilinear`,
    '-pix_fmt',
    'rgb24',
    '-f',
    'rawvideo',
    'pipe:1',
  ];
}
