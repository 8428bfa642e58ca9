// The real store clips the capture and detection tests run on (../shared/data/video, see its
// README): where a checkout has no shared folder the tests that need them skip and say why.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const clipsDir = fileURLToPath(new URL('../../../shared/data/video/', import.meta.url));

export const storeClips = {
  cam1: 'cps-test-01-nodepth-cam1.mp4',
  cam3: 'cps-test-01-nodepth-cam3.mp4',
  cam5: 'cps-test-01-nodepth-cam5.mp4',
  cam7: 'cps-test-01-nodepth-cam7.mp4',
  cam6: 'cps-test-2-all-cam6.mp4',
} as const;

/** The clip's path, or undefined when it is absent. */
export function storeClip(name: keyof typeof storeClips): string | undefined {
  const path = `${clipsDir}${storeClips[name]}`;
  return existsSync(path) ? path : undefined;
}

export function missingClipMessage(name: keyof typeof storeClips): string {
  return `skipped: the store clip ${storeClips[name]} is not in ${clipsDir} (the shared data folder is absent)`;
}
