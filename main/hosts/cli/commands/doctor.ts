// `walkout doctor`: what this computer has and lacks, one line each, naming the package to install.
import type { Command } from 'commander';
import { checkSystem } from '../../../platform/system-check';

export function registerDoctor(program: Command): void {
  program
    .command('doctor')
    .description('check the system libraries and programs Walkout uses (libusb, ffmpeg, Chromium, Electron)')
    .action(() => {
      const results = checkSystem();
      for (const r of results) console.log(`${r.ok ? 'ok     ' : 'missing'} ${r.name}: ${r.detail}`);
      if (results.some((r) => !r.ok && r.required)) process.exitCode = 1;
    });
}
