import { describe, expect, it } from 'vitest';
import type { FloorPlan } from '../../../../native-bridge/contract';
import { sampleFloorPlan } from '../../testing/sample-data';
import { CAMERA_LABEL_MIN_PX_PER_M, estimatedTextWidth, labelBox, labelCandidates, labelFits, placeLabels, readableAngle, visibleLabels, type MapLabel } from './labels';
import { defaultLayers } from './layers';

function label(patch: Partial<MapLabel>): MapLabel {
  return { key: 'k', kind: 'zone', text: 'abcdefghij', x: 0, y: 0, angle: 0, align: 'middle', ...patch };
}

describe('readableAngle', () => {
  it('keeps text upright for every rotation', () => {
    expect(readableAngle(0)).toBe(0);
    expect(readableAngle(45)).toBe(45);
    expect(readableAngle(90)).toBe(90);
    expect(readableAngle(135)).toBe(-45);
    expect(readableAngle(180)).toBe(0);
    expect(readableAngle(270)).toBe(90);
    expect(readableAngle(300)).toBe(-60);
    expect(readableAngle(-90)).toBe(90);
    expect(readableAngle(-30)).toBe(-30);
    expect(readableAngle(720 + 10)).toBe(10);
  });
});

describe('labelFits', () => {
  it('grows with the text and the font', () => {
    expect(estimatedTextWidth('abcd', 1)).toBeCloseTo(2 * estimatedTextWidth('ab', 1));
    expect(estimatedTextWidth('ab', 2)).toBeCloseTo(2 * estimatedTextWidth('ab', 1));
  });

  it('rejects a name longer than its space at this size', () => {
    expect(labelFits('Gondola 1', 0.24, 4)).toBe(true);
    expect(labelFits('Gondola 1', 0.6, 1.2)).toBe(false);
  });
});

describe('labelBox', () => {
  it('centres a middle-aligned label on its anchor', () => {
    const box = labelBox(label({ x: 10, y: 5 }), 1);
    expect(box.x + box.width / 2).toBeCloseTo(10);
    expect(box.y + box.height / 2).toBeCloseTo(5);
    expect(box.width).toBeCloseTo(estimatedTextWidth('abcdefghij', 1));
    expect(box.height).toBeCloseTo(1);
  });

  it('starts a start-aligned label at its anchor', () => {
    expect(labelBox(label({ x: 10, align: 'start' }), 1).x).toBeCloseTo(10);
  });

  it('stands a quarter-turned label on end', () => {
    const box = labelBox(label({ angle: 90 }), 1);
    expect(box.width).toBeCloseTo(1);
    expect(box.height).toBeCloseTo(estimatedTextWidth('abcdefghij', 1));
  });
});

describe('placeLabels', () => {
  it('keeps the first of two overlapping labels', () => {
    const first = label({ key: 'a' });
    const second = label({ key: 'b', x: 0.5 });
    expect(placeLabels([first, second], 1, 0).map((l) => l.key)).toEqual(['a']);
  });

  it('keeps labels that are clear of each other', () => {
    const placed = placeLabels([label({ key: 'a' }), label({ key: 'b', y: 3 }), label({ key: 'c', x: 20 })], 1, 0.1);
    expect(placed.map((l) => l.key)).toEqual(['a', 'b', 'c']);
  });

  it('respects the gap', () => {
    const a = label({ key: 'a', text: 'ab' });
    const b = label({ key: 'b', text: 'ab', y: 1.05 });
    expect(placeLabels([a, b], 1, 0)).toHaveLength(2);
    expect(placeLabels([a, b], 1, 0.1)).toHaveLength(1);
  });
});

describe('labelCandidates', () => {
  const plan = sampleFloorPlan();

  it('orders by importance: gates, fixtures, zones, cameras', () => {
    const kinds = labelCandidates(plan, defaultLayers(), 200).map((l) => l.kind);
    expect(kinds).toEqual(['gate-entry', 'gate-exit', 'fixture', 'zone', 'camera']);
  });

  it('names cameras only once zoomed in', () => {
    const at = (ppm: number) => labelCandidates(plan, defaultLayers(), ppm).some((l) => l.kind === 'camera');
    expect(at(CAMERA_LABEL_MIN_PX_PER_M)).toBe(true);
    expect(at(CAMERA_LABEL_MIN_PX_PER_M - 1)).toBe(false);
  });

  it('labels only the layers that are shown (gates always)', () => {
    const layers = { ...defaultLayers(), fixtures: false, zones: false, cameras: false };
    expect(labelCandidates(plan, layers, 200).map((l) => l.kind)).toEqual(['gate-entry', 'gate-exit']);
  });

  it('turns a fixture’s label with the fixture, upright', () => {
    const fixture = labelCandidates(plan, defaultLayers(), 200).find((l) => l.kind === 'fixture');
    expect(fixture).toMatchObject({ text: 'Gondola 1', x: 10, y: 5, angle: 90 });
  });

  it('leaves out a fixture or zone name that does not fit it yet', () => {
    // At 5 px/m a 12 px label is 2.4 m tall: "Gondola 1" needs ~12.5 m of a 4 m gondola.
    const kinds = labelCandidates(plan, defaultLayers(), 5).map((l) => l.kind);
    expect(kinds).not.toContain('fixture');
    expect(kinds).not.toContain('zone');
  });

  it('does not repeat a fixture’s name for the zone around it', () => {
    const base = sampleFloorPlan();
    const zone = { id: 'dept', name: 'Gondola 1', kind: 'department' as const, polygon: base.layout.zones[0]!.polygon };
    const plan: FloorPlan = { ...base, layout: { ...base.layout, zones: [zone] } };
    expect(labelCandidates(plan, defaultLayers(), 200).map((l) => l.key)).not.toContain('zone-dept');
    const noFixtures = { ...defaultLayers(), fixtures: false };
    expect(labelCandidates(plan, noFixtures, 200).map((l) => l.key)).toContain('zone-dept');
  });

  it('puts a gate’s label outside the store', () => {
    const gate = labelCandidates(plan, defaultLayers(), 100).find((l) => l.key === 'gate-in');
    expect(gate?.y).toBeGreaterThan(plan.layout.floor.depth);
  });
});

describe('visibleLabels', () => {
  it('drops a label that would sit on a more important one', () => {
    const base = sampleFloorPlan();
    const plan: FloorPlan = {
      ...base,
      layout: {
        ...base.layout,
        zones: [
          ...base.layout.zones,
          { id: 'dept', name: 'Health & beauty', kind: 'department', polygon: [[8, 3], [12, 3], [12, 7], [8, 7]] },
        ],
      },
    };
    const keys = visibleLabels(plan, defaultLayers(), 200).map((l) => l.key);
    expect(keys).toContain('fixture-g1');
    expect(keys).not.toContain('zone-dept');
  });

  it('shows more as the map is zoomed in', () => {
    const plan = sampleFloorPlan();
    expect(visibleLabels(plan, defaultLayers(), 200).length).toBeGreaterThanOrEqual(visibleLabels(plan, defaultLayers(), 5).length);
  });
});
