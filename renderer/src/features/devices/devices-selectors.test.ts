import { describe, expect, it } from 'vitest';
import { calibrationLabel, findShelf, fixtureOfPlate, fixtureOfShelf, formatGrams, isScalePlate, plateStepAdvice, plotData, selectDevicesPhase, shelfList, worstStatus } from './devices-selectors';
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

  it('finds a shelf’s or plate’s fixture, and tells a plate a POS scale weighs', () => {
    const overview = sampleOverview();
    expect(fixtureOfShelf(overview, 'G01-F2')?.id).toBe('G01');
    expect(fixtureOfPlate(overview, 'G01-F1-02')?.name).toBe('Gondola 1');
    expect(fixtureOfPlate(overview, 'nope')).toBeNull();
    expect(isScalePlate(overview, samplePlate('a'))).toBe(false);
    const withScale = { ...overview, devices: [...overview.devices, { serial: 'SCALE-1', kind: 'pos-scale' as const, state: 'online' as const, detail: 'M10', plates: 1 }] };
    expect(isScalePlate(withScale, samplePlate('a', 'online', { device: 'SCALE-1' }))).toBe(true);
  });

  it('says what a tare, zero or calibration will do, as the host decides it', () => {
    const off = { name: 'Gondola 1', restocking: false };
    const on = { name: 'Gondola 1', restocking: true };
    const loaded = samplePlate('a'); // 2106.5 g on a simulated load cell
    expect(plateStepAdvice('tare', loaded, off, 2)).toEqual({
      tone: 'refused',
      text: 'The plate reads 2.11 kg, not empty: the step would be charged to a shopper as a shelf event, so it is refused. Empty the plate, or switch restock mode on at Gondola 1.',
    });
    expect(plateStepAdvice('tare', loaded, on, 2)).toEqual({ tone: 'ok', text: 'Restock mode is on at Gondola 1: the step to zero is staff work, charged to nobody.' });
    expect(plateStepAdvice('zero', samplePlate('a', 'online', { grams: -1.4 }), off, 2)).toEqual({ tone: 'ok', text: 'The plate reads -1.4 g: the step is below what the engine records as a weight change.' });
    expect(plateStepAdvice('zero', loaded, on, 2).text).toBe('Restock mode is on at Gondola 1: the scale’s step to zero is staff work, charged to nobody.');
    expect(plateStepAdvice('calibrate', samplePlate('a', 'online', { grams: 0 }), off, 2)).toMatchObject({ tone: 'refused', text: expect.stringMatching(/switch restock mode on at Gondola 1 first\.$/) });
    expect(plateStepAdvice('calibrate', loaded, on, 2).text).toMatch(/putting the reference weight on and taking it off are staff work/);
    expect(plateStepAdvice('tare', samplePlate('a', 'uncalibrated', { grams: null, calibration: { offset: 0, scale: 0, source: 'none' } }), off, 2).tone).toBe('ok');
    expect(plateStepAdvice('tare', samplePlate('a', 'online', { grams: null }), off, 2)).toMatchObject({ tone: 'refused', text: expect.stringMatching(/no reading yet/) });
  });
});
