// `--store demo` or `--store DIR`: the bundled demo store or a store directory.
import { resolve } from 'node:path';
import { demoStoreDir } from '../../store/load';

export function resolveStoreDir(store: string): string {
  return store === 'demo' ? demoStoreDir() : resolve(store);
}
