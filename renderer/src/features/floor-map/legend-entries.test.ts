import { describe, expect, it } from 'vitest';
import { sampleFloorPlan } from '../../testing/sample-data';
import { legendEntries } from './legend-entries';

describe('legendEntries', () => {
  it('lists only what the plan contains', () => {
    expect(legendEntries(sampleFloorPlan()).map((entry) => entry.key)).toEqual([
      'wall',
      'gate-entry',
      'gate-exit',
      'zone-entrance',
      'fixture-gondola',
      'plate',
      'camera',
      'fov',
    ]);
  });

  it('leaves out cameras and fields of view when there are none', () => {
    const plan = { ...sampleFloorPlan(), cameras: [] };
    const keys = legendEntries(plan).map((entry) => entry.key);
    expect(keys).not.toContain('camera');
    expect(keys).not.toContain('fov');
  });

  it('leaves out the field of view when no camera sees the floor', () => {
    const plan = sampleFloorPlan();
    const blind = { ...plan, cameras: plan.cameras.map((camera) => ({ ...camera, fieldOfView: [] })) };
    expect(legendEntries(blind).map((entry) => entry.key)).not.toContain('fov');
  });

  it('uses the same colour names as the map', () => {
    for (const entry of legendEntries(sampleFloorPlan())) expect(entry.swatch).toMatch(/^[a-z-]+$/);
  });
});
