import { describe, expect, it, vi } from 'vitest';
import { FakeHidTransport } from './fake-transport';
import type { ShelfProtocolError, ShelfSamples, ShelfStatus } from './shelf-controller';
import {
  decodeSamples,
  encodeCalibration,
  encodeConfiguration,
  encodeIdentity,
  encodeSamples,
  FEATURE_CALIBRATION,
  FEATURE_CONFIGURATION,
  FEATURE_IDENTITY,
  NO_READING,
  ShelfControllerReader,
} from './shelf-controller';
import { fromHex } from './transport';

/** A fake 3-channel controller: plate 0 at 0.01 g/count, plate 1 at 0.5 g/count, plate 2 uncalibrated. */
function fakeController(overrides: Record<number, Uint8Array> = {}): FakeHidTransport {
  return new FakeHidTransport({
    features: {
      [FEATURE_IDENTITY]: encodeIdentity({ firmware: [1, 2, 300], vendor: 'Walkout Labs', serial: 'SC-000042' }),
      [FEATURE_CONFIGURATION]: encodeConfiguration({ channelCount: 3, sampleRateHz: 80 }),
      [FEATURE_CALIBRATION]: encodeCalibration([
        { offset: 1000, scale: 0.01 },
        { offset: -200, scale: 0.5 },
        { offset: 0, scale: 0 },
      ]),
      ...overrides,
    },
    onSendFeature: (bytes, fake) => {
      // Like an HX711 board: only 10 or 80 Hz.
      if (bytes[0] === FEATURE_CONFIGURATION) fake.features.set(FEATURE_CONFIGURATION, encodeConfiguration({ channelCount: bytes[1] ?? 0, sampleRateHz: (bytes[2] ?? 0) + ((bytes[3] ?? 0) << 8) > 40 ? 80 : 10 }));
      if (bytes[0] === FEATURE_CALIBRATION) fake.features.set(FEATURE_CALIBRATION, bytes);
    },
  });
}

async function openReader(fake: FakeHidTransport) {
  const reader = new ShelfControllerReader(fake);
  const samples: ShelfSamples[] = [];
  const statuses: [ShelfStatus, string][] = [];
  const errors: ShelfProtocolError[] = [];
  reader.onSamples((s) => samples.push(s));
  reader.onStatus((status, detail) => statuses.push([status, detail]));
  reader.onError((e) => errors.push(e));
  await reader.open();
  return { reader, samples, statuses, errors };
}

describe('shelf controller wire format', () => {
  it('matches the documented example bytes', () => {
    const bytes = encodeSamples(0x0102, 1_000_000, [1000, -2]);
    expect(bytes).toEqual(fromHex('01 02 01 40 42 0F 00 02 E8 03 00 FE FF FF'));
    const decoded = decodeSamples(bytes, 2);
    expect(decoded.seq).toBe(0x0102);
    expect(decoded.deviceTimeUs).toBe(1_000_000);
    expect(Array.from(decoded.raw)).toEqual([1000, -2]);
  });

  it('round-trips the int24 extremes', () => {
    expect(Array.from(decodeSamples(encodeSamples(0, 0, [0x7fffff, -0x800000, -1]), 3).raw)).toEqual([0x7fffff, -0x800000, -1]);
  });
});

describe('ShelfControllerReader', () => {
  it('reads the features at open and reports online', async () => {
    const { reader, statuses } = await openReader(fakeController());
    expect(reader.identity).toEqual({ protocolVersion: 1, firmwareVersion: '1.2.300', vendor: 'Walkout Labs', serial: 'SC-000042' });
    expect(reader.configuration).toEqual({ channelCount: 3, sampleRateHz: 80 });
    expect(statuses).toEqual([['online', 'Walkout Labs SC-000042 fw 1.2.300, 3 channels at 80 Hz']]);
  });

  it('decodes a normal stream into calibrated grams', async () => {
    const fake = fakeController();
    const { samples, reader } = await openReader(fake);
    fake.emitAll([encodeSamples(7, 5_000, [1000, -200, 55]), encodeSamples(8, 17_500, [101_000, 1800, NO_READING])]);
    expect(samples.map((s) => [s.seq, s.deviceTimeUs, s.dropped])).toEqual([
      [7, 5_000, 0],
      [8, 17_500, 0],
    ]);
    expect(samples[0]?.grams[0]).toBe(0);
    expect(samples[0]?.grams[1]).toBe(0);
    expect(samples[0]?.grams[2]).toBeNaN(); // uncalibrated channel
    expect(samples[1]?.grams[0]).toBeCloseTo(1000, 2);
    expect(samples[1]?.grams[1]).toBeCloseTo(1000, 4);
    expect(samples[1]?.raw[2]).toBe(NO_READING);
    expect(reader.stats).toMatchObject({ reports: 2, dropped: 0, malformed: 0 });
  });

  it('counts malformed reports, surfaces them and keeps streaming', async () => {
    const fake = fakeController();
    const { samples, errors, reader } = await openReader(fake);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    fake.emit(encodeSamples(1, 0, [1, 2, 3]));
    fake.emit(encodeSamples(2, 10, [1, 2, 3]).subarray(0, 10)); // truncated
    fake.emit(fromHex('02 00 00')); // another report id
    fake.emit(encodeSamples(3, 20, [1, 2])); // wrong channel count and length
    fake.emit(new Uint8Array(0));
    const n3 = encodeSamples(4, 30, [1, 2, 3]);
    n3[7] = 4; // right length, lying channel count
    fake.emit(n3);
    fake.emit(encodeSamples(5, 40, [1, 2, 3]));
    expect(errors.map((e) => e.message)).toEqual([
      'samples: 10 bytes, expected 17 (01 02 00 0A 00 00 00 03 01 00)',
      'samples: report id 0x2, expected 0x1 (02 00 00)',
      expect.stringMatching(/^samples: 14 bytes, expected 17/),
      'samples: empty report',
      expect.stringMatching(/^samples: 4 channels, expected 3/),
    ]);
    expect(reader.stats.malformed).toBe(5);
    expect(reader.stats.lastError?.message).toMatch(/4 channels/);
    expect(samples.map((s) => s.seq)).toEqual([1, 5]);
    expect(samples[1]?.dropped).toBe(3); // 2..4 never decoded
    expect(consoleError).not.toHaveBeenCalled();
    consoleError.mockRestore();
  });

  it('detects sequence gaps', async () => {
    const fake = fakeController();
    const { samples, reader } = await openReader(fake);
    for (const seq of [10, 11, 15, 16, 20]) fake.emit(encodeSamples(seq, seq * 12_500, [0, 0, 0]));
    expect(samples.map((s) => s.dropped)).toEqual([0, 0, 3, 0, 3]);
    expect(reader.stats.dropped).toBe(6);
  });

  it('unwraps the sequence number and the device clock', async () => {
    const fake = fakeController();
    const { samples, reader } = await openReader(fake);
    const start = 0xffff_ffff - 20_000;
    fake.emit(encodeSamples(0xfffe, start, [0, 0, 0]));
    fake.emit(encodeSamples(0xffff, start + 12_500, [0, 0, 0]));
    fake.emit(encodeSamples(0x0000, start + 25_000, [0, 0, 0])); // clock wraps here
    fake.emit(encodeSamples(0x0002, start + 50_000, [0, 0, 0])); // seq 1 lost
    expect(samples.map((s) => s.deviceTimeUs)).toEqual([start, start + 12_500, start + 25_000, start + 50_000]);
    expect(samples.map((s) => s.dropped)).toEqual([0, 0, 0, 1]);
    expect(reader.stats.dropped).toBe(1);
  });

  it('goes offline when unplugged mid-stream and ignores anything after', async () => {
    const fake = fakeController();
    const { samples, statuses, reader } = await openReader(fake);
    fake.emit(encodeSamples(1, 100, [0, 0, 0]));
    fake.unplug('USB device removed');
    fake.emit(encodeSamples(2, 200, [0, 0, 0]));
    expect(samples).toHaveLength(1);
    expect(statuses.map(([status]) => status)).toEqual(['online', 'offline']);
    expect(statuses[1]?.[1]).toBe('disconnected: USB device removed');
    expect(reader.currentStatus).toBe('offline');
    await expect(reader.setSampleRate(10)).rejects.toThrow(/not open/);
  });

  it('reports offline once when the host closes', async () => {
    const fake = fakeController();
    const { statuses, reader } = await openReader(fake);
    await reader.close();
    await reader.close();
    expect(statuses.map(([status, detail]) => `${status}: ${detail}`)).toEqual([expect.stringMatching(/^online/), 'offline: closed by host']);
  });

  it('refuses a device with bad feature reports', async () => {
    await expect(openReader(fakeController({ [FEATURE_CONFIGURATION]: encodeConfiguration({ channelCount: 33, sampleRateHz: 80 }) }))).rejects.toThrow(
      /channel count 33/,
    );
    await expect(openReader(fakeController({ [FEATURE_IDENTITY]: encodeIdentity({ protocolVersion: 2, firmware: [1, 0, 0], vendor: 'x', serial: 'y' }) }))).rejects.toThrow(
      /protocol version 2/,
    );
    // Calibration for 2 channels on a 3-channel device: wrong length.
    await expect(openReader(fakeController({ [FEATURE_CALIBRATION]: encodeCalibration([{ offset: 0, scale: 1 }, { offset: 0, scale: 1 }]) }))).rejects.toThrow(
      /calibration: 17 bytes, expected 25/,
    );
    const unplugged = fakeController();
    unplugged.failNext('getFeatureReport', new Error('could not read from HID device'));
    await expect(openReader(unplugged)).rejects.toThrow(/could not read/);
  });

  it('writes calibration and sample rate through feature reports', async () => {
    const fake = fakeController();
    const { reader, samples } = await openReader(fake);
    await reader.setCalibration([
      { offset: 0, scale: 1 },
      { offset: 0, scale: 2 },
      { offset: 10, scale: 0.25 },
    ]);
    expect(fake.sentFeatures[0]?.[0]).toBe(FEATURE_CALIBRATION);
    fake.emit(encodeSamples(1, 0, [5, 5, 50]));
    expect(Array.from(samples[0]?.grams ?? [])).toEqual([5, 10, 10]);
    expect(await reader.setSampleRate(12)).toBe(10);
    expect(reader.configuration?.sampleRateHz).toBe(10);
    await expect(reader.setCalibration([{ offset: 0, scale: 1 }])).rejects.toThrow(RangeError);
  });

  it('keeps delivering when one listener throws', async () => {
    const fake = fakeController();
    const { reader, samples } = await openReader(fake);
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    reader.onSamples(() => {
      throw new Error('consumer bug');
    });
    expect(() => fake.emit(encodeSamples(1, 0, [0, 0, 0]))).not.toThrow();
    fake.emit(encodeSamples(2, 0, [0, 0, 0]));
    expect(samples).toHaveLength(2);
    expect(consoleError).toHaveBeenCalledTimes(2);
    consoleError.mockRestore();
  });
});
