// The electron-builder configuration (package.json "build") passes electron-builder's own schema
// validation and points at resources that exist, so packaging can be switched on without surprises.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const pkg = require('../../../package.json') as { build: { directories: { buildResources: string }; linux: { icon: string } } };

describe('electron-builder configuration', () => {
  const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
    validateConfiguration: (config: unknown, logger: unknown) => Promise<void>;
  };
  const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

  it('is valid against electron-builder schema', async () => {
    await expect(validateConfiguration(structuredClone(pkg.build), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('would be caught if it were invalid (the validator is live)', async () => {
    await expect(validateConfiguration({ ...structuredClone(pkg.build), compressionLevel: 'extreme', notAnOption: true }, new DebugLogger(false))).rejects.toThrow();
  });

  it('keeps its resources in build/', () => {
    expect(pkg.build.directories.buildResources).toBe('build');
    expect(existsSync(pkg.build.linux.icon)).toBe(true);
  });
});
