import { describe, expect, it } from 'vitest';
import type { EngineInput } from '../../engine/inputs';
import { inputTime } from '../../engine/inputs';
import { DeviceInputQueue } from './device-input-queue';

const samples = (plate: string, t0: number): EngineInput => ({ kind: 'plate-samples', plate, t0, dt: 20, grams: new Float32Array(5) });

describe('DeviceInputQueue', () => {
  it('releases inputs in time order once they are older than the latency', () => {
    let now = 1000;
    const queue = new DeviceInputQueue(() => now, 300);
    queue.push(samples('A', 600));
    queue.push(samples('B', 550));
    queue.push({ kind: 'device-status', device: 'C', t: 900, state: 'online' });
    const out: number[] = [];
    expect(queue.pump(0, (i) => out.push(inputTime(i)))).toBe(700);
    expect(out).toEqual([550, 600]);
    now = 1300;
    queue.pump(0, (i) => out.push(inputTime(i)));
    expect(out).toEqual([550, 600, 900]);
  });

  it('drops and counts an input whose time the engine has already passed', () => {
    let now = 1000;
    const queue = new DeviceInputQueue(() => now, 300);
    queue.pump(0, () => undefined);
    queue.push(samples('A', 650));
    expect(queue.late).toBe(1);
    expect(queue.pending).toBe(0);
    now = 2000;
    queue.push(samples('A', 700));
    expect(queue.pending).toBe(1);
  });
});
