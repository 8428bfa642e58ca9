// Finds the system pieces Walkout leans on and, where one is missing, says which Debian/Ubuntu
// package brings it. Only the simulator-driven suite is required; the rest unlocks real devices.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export interface SystemCheck {
  name: string;
  ok: boolean;
  required: boolean;
  detail: string;
}

function hasSharedLibrary(soname: string): boolean {
  try {
    return execFileSync('ldconfig', ['-p'], { encoding: 'utf8' }).includes(soname);
  } catch {
    return ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib', '/lib'].some((dir) => existsSync(`${dir}/${soname}`));
  }
}

function onPath(program: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${program}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const candidates = [process.env.WALKOUT_CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((path): path is string => Boolean(path && existsSync(path)));
}

/** The Electron binary's path when it was downloaded at install, else undefined. */
export function findElectronBinary(): string | undefined {
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function checkSystem(): SystemCheck[] {
  const libusb = hasSharedLibrary('libusb-1.0.so.0');
  const ffmpeg = onPath('ffmpeg');
  const chromium = findChromium();
  const electron = findElectronBinary();
  return [
    { name: 'libusb', ok: libusb, required: false, detail: libusb ? 'libusb-1.0 found (USB/HID devices)' : 'libusb-1.0 not found: USB and HID devices need it; install the package libusb-1.0-0' },
    { name: 'ffmpeg', ok: Boolean(ffmpeg), required: false, detail: ffmpeg ? `${ffmpeg} (camera capture)` : 'ffmpeg not found: camera capture needs it; install the package ffmpeg' },
    { name: 'chromium', ok: Boolean(chromium), required: false, detail: chromium ?? 'no system Chromium: end-to-end tests will use Playwright\'s own browser; install the package chromium' },
    { name: 'electron', ok: Boolean(electron), required: false, detail: electron ?? 'the Electron binary is not installed: `npm start` opens the browser host instead' },
  ];
}
