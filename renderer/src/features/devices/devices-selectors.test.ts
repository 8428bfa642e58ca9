import { describe, expect, it } from 'vitest';
import { calibrationLabel, findShelf, formatGrams, plotData, selectDevicesPhase, shelfList, worstStatus } from './devices-selectors';
import { sampleOverview, samplePlate, sampleWeights } from './devices-test-data';

describe('devices selectors', () => {
  it('picks the panel: waiting, loading, error, empty, ready', () => {
    expect(selectDevicesPhase({ overview: { status: 'idle' } }, 'connecting')).toEqual({ kind: 'waiting' });
    expect(selectDevicesPhase({ overview: { status: 'idle' } }, 'open')).toEqual({ kind: 'loading' });
    expect(selectDevicesPhase({ overview: { status: 'error', error: { code: 'internal', message: 'x' } } }, 'open').kind).toBe('error');
    expect(selectDevicesPhase({ overview: { status: 'ready', data: sampleOverview({}) } }, 'open').kind).toBe('empty');
    expect(selectDevicesPhase({ overview: { status: 'ready', data: sampleOverview() } }, 'open').kind).toBe('ready');
  });

  it('lists shelves with their worst plate, and filters by status', () => {
    const overview = sampleOverview();
    expect(shelfList(overview, 'all')).toEqual([
      { shelf: 'G01-F1', fixture: 'G01', fixtureName: 'Gondola 1', plates: 2, worst: 'noisy', attention: 1 },
      { shelf: 'G01-F2', fixture: 'G01', fixtureName: 'Gondola 1', plates: 1, worst: 'offline', attention: 1 },
    ]);
    expect(shelfList(overview, 'offline').map((s) => s.shelf)).toEqual(['G01-F2']);
    expect(shelfList(overview, 'drifting')).toEqual([]);
    expect(worstStatus([samplePlate('a', 'drifting'), samplePlate('b', 'uncalibrated')])).toBe('uncalibrated');
    expect(worstStatus([])).toBe('online');
  });

  it('builds the plot’s columns in the shelf’s plate order, with gaps', () => {
    const overview = sampleOverview();
    const shelf = findShelf(overview, 'G01-F1');
    expect(plotData(null, shelf)).toBeUndefined();
    expect(plotData(sampleWeights('G01-F2', ['G01-F2-01']), shelf)).toBeUndefined();
    const frame = sampleWeights('G01-F1', ['G01-F1-02']);
    expect(plotData(frame, shelf)).toEqual([frame.times, [null, null], [100, null]]);
    expect(findShelf(overview, 'nope')).toBeNull();
  });

  it('says weights and calibrations in words', () => {
    expect(formatGrams(null)).toBe('—');
    expect(formatGrams(421.34)).toBe('421.3 g');
    expect(formatGrams(-2106.5)).toBe('-2.11 kg');
    expect(calibrationLabel(samplePlate('a'))).toBe('simulated load cell (1 g per unit)');
    expect(calibrationLabel(samplePlate('a', 'online', { calibration: { offset: 8000, scale: 0.05, source: 'database', updatedBy: 'mgr' } }))).toBe('0.05000 g/unit, by mgr');
    expect(calibrationLabel(samplePlate('a', 'online', { calibration: { offset: 8000, scale: 0, source: 'database', updatedBy: 'mgr' } }))).toBe('tared by mgr, not spanned yet');
    expect(calibrationLabel(samplePlate('a', 'online', { calibration: { offset: 0, scale: 0, source: 'none' } }))).toBe('not calibrated');
  });
});
