import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FakeHidTransport } from './fake-transport';
import { decodeScaleReport, ScaleReportError, zeroScaleReport } from './pos-scale';
import { fromHex } from './transport';

interface Vector {
  hex: string;
  status?: string;
  unit?: string | null;
  value?: number;
  grams?: number | null;
  error?: string;
  source: string;
}

const vectorsPath = fileURLToPath(new URL('../../../shared/data/hid-pos-scale-vectors.json', import.meta.url));
const present = existsSync(vectorsPath);
const vectors: Vector[] = present ? (JSON.parse(readFileSync(vectorsPath, 'utf8')) as { vectors: Vector[] }).vectors : [];

describe.skipIf(!present)(`HID POS scale vectors (${present ? vectorsPath : `skipped: ${vectorsPath} not found`})`, () => {
  it('has vectors', () => expect(vectors.length).toBeGreaterThan(0));

  for (const v of vectors.filter((x) => x.error === undefined)) {
    it(`decodes ${v.hex} as ${v.status} ${v.value} ${v.unit}`, () => {
      const reading = decodeScaleReport(fromHex(v.hex));
      expect(reading.status).toBe(v.status);
      expect(reading.unit).toBe(v.unit);
      expect(reading.value).toBeCloseTo(v.value ?? NaN, 9);
      if (v.grams === null) expect(reading.grams).toBeNull();
      else {
        expect(reading.grams).not.toBeNull();
        expect(Math.abs((reading.grams ?? NaN) - (v.grams ?? NaN))).toBeLessThan(1e-4);
      }
    });
  }

  for (const v of vectors.filter((x) => x.error !== undefined)) {
    it(`rejects "${v.hex}" with "${v.error}"`, () => {
      const bytes = fromHex(v.hex);
      let caught: unknown;
      try {
        decodeScaleReport(bytes);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ScaleReportError);
      expect((caught as Error).message).toBe(v.error);
    });
  }
});

describe('POS scale reports', () => {
  it('rejects a report with another id', () => {
    expect(() => decodeScaleReport(fromHex('04 04 02 00 8C 09'))).toThrow(/unexpected report id 4/);
  });

  it('gives no grams for units without one definition', () => {
    expect(decodeScaleReport(fromHex('03 04 05 00 01 00'))).toEqual({ status: 'stable', unit: 'tael', value: 1, grams: null });
  });

  it('zeroes the scale with output report 0x02, Zero Scale bit set', async () => {
    const fake = new FakeHidTransport();
    await fake.write(zeroScaleReport());
    expect(Array.from(fake.written[0] ?? [])).toEqual([0x02, 0x02]);
  });
});
