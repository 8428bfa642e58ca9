// The CLI as a user meets it: help lists the commands, and a broken store file is refused with a
// message naming the file, the field and the problem, with a failing exit code.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { demoStoreDir } from '../../store/load';
import { buildProgram, runCli } from './main';

let dir: string;
let errors: string[];
let logs: string[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'walkout-cli-'));
  cpSync(demoStoreDir(), dir, { recursive: true, filter: (src) => !src.endsWith('.ts') });
  errors = [];
  logs = [];
  vi.spyOn(console, 'error').mockImplementation((line: string) => void errors.push(line));
  vi.spyOn(console, 'log').mockImplementation((line: string) => void logs.push(line));
  process.exitCode = undefined;
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
  process.exitCode = undefined;
});

describe('walkout CLI', () => {
  it('lists every command in --help', () => {
    const help = buildProgram().helpInformation();
    for (const command of ['serve', 'store', 'mot', 'doctor']) expect(help).toContain(command);
  });

  it('accepts the demo store', async () => {
    await runCli(['store', 'check', dir]);
    expect(process.exitCode).toBeUndefined();
    expect(logs.join('\n')).toMatch(/valid/);
  });

  it('refuses a store whose camera has an impossible focal length, naming file and field', async () => {
    const file = join(dir, 'cameras.json');
    const cameras = JSON.parse(readFileSync(file, 'utf8')) as { cameras: { intrinsics: { fx: number } }[] };
    cameras.cameras[3]!.intrinsics.fx = -5;
    writeFileSync(file, JSON.stringify(cameras));
    await runCli(['store', 'check', dir]);
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toMatch(/cameras\.json: cameras\[3\]\.intrinsics\.fx: /);
  });

  it('refuses a store file that is not JSON, with the position', async () => {
    writeFileSync(join(dir, 'store.json'), '{ "id": "x", ');
    await runCli(['store', 'check', dir]);
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toMatch(/store\.json: .*invalid JSON at line 1/);
  });

  it('refuses to serve a broken store instead of starting half a host', async () => {
    rmSync(join(dir, 'planogram.json'));
    await runCli(['serve', '--store', dir, '--port', '0', '--data-dir', join(dir, 'data')]);
    expect(process.exitCode).toBe(1);
    expect(errors.join('\n')).toMatch(/planogram\.json/);
  });
});
