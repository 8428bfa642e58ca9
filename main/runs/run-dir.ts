// A run directory: what `walkout sim` writes and `replay` and `eval` read. The recording is an
// ordinary store database (the same input log live drivers write), so a simulated day and a real
// one replay alike; the ground truth sits beside it in files the engine never opens.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStoreDatabase, type StoreDatabase } from '../db';
import type { SimWorld } from '../sim/world';
import { parseStoreFiles } from '../store/validate';
import type { StoreModel } from '../store/schema';

export const runFiles = {
  recording: 'recording.sqlite',
  meta: 'meta.json',
  truth: 'truth.json',
  truthFloor: 'truth-floor.txt',
  trackerFloor: 'tracks-floor.txt',
  replay: 'replay.json',
} as const;

/** Ground truth and tracker output are compared at these ticks: frame k is startMs + (k−1)·tickMs. */
export const evalTickMs = 100;

export interface RunMeta {
  format: 1;
  storeId: string;
  scenario: string | null;
  seed: number;
  shoppers: number;
  minutes: number;
  startMs: number;
  endMs: number;
}

export type GroundTruth = Omit<SimWorld, 'trajectories'>;

export interface ReplaySummary {
  stages: string[];
  inputs: number;
  decisions: number;
  recordingMs: number;
  wallMs: number;
  realtimeFactor: number;
  peakRssBytes: number;
}

export class RunDirError extends Error {}

export function runPath(dir: string, file: keyof typeof runFiles): string {
  return join(dir, runFiles[file]);
}

export function prepareRunDir(dir: string): void {
  if (existsSync(runPath(dir, 'recording'))) throw new RunDirError(`${dir} already holds a recording; choose an empty --out folder`);
  mkdirSync(dir, { recursive: true });
}

export function writeJson(dir: string, file: keyof typeof runFiles, value: unknown): void {
  writeFileSync(runPath(dir, file), `${JSON.stringify(value, null, 1)}\n`);
}

export function readJson<T>(dir: string, file: keyof typeof runFiles): T {
  const path = runPath(dir, file);
  if (!existsSync(path)) throw new RunDirError(`${path} is missing: is ${dir} a run folder written by "walkout sim"?`);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as T;
  } catch (error) {
    throw new RunDirError(`${path} is not valid JSON (${(error as Error).message})`);
  }
}

export function openRunDatabase(dir: string, meta: RunMeta): StoreDatabase {
  const path = runPath(dir, 'recording');
  if (!existsSync(path)) throw new RunDirError(`${path} is missing: is ${dir} a run folder written by "walkout sim"?`);
  return openStoreDatabase(path, { storeId: meta.storeId });
}

/** The store model the recording was made with, as saved in it. */
export function recordedStore(db: StoreDatabase): StoreModel {
  const snapshot = db.storeSnapshots.latest();
  if (!snapshot) throw new RunDirError(`${db.path} holds no store model snapshot`);
  const model = JSON.parse(snapshot.json) as StoreModel;
  return parseStoreFiles({ layout: model.layout, cameras: { cameras: model.cameras }, catalog: { products: model.catalog }, planogram: { facings: model.planogram } });
}
