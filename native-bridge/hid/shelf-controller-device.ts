// A shelf controller as a WeightDevice: the protocol reader (shelf-controller.ts) opened on a
// transport, its raw counts handed on with "no reading" as NaN. Conversion to grams happens in device
// management, with the calibration the database holds, so the raw counts are what travels here.
import {
  NO_READING,
  ShelfControllerReader,
  type ChannelCalibration,
} from './shelf-controller';
import type { HidTransport } from './transport';
import { Listeners } from './listeners';
import type { WeightDevice, WeightSampleSet } from './weight-device';

export async function openShelfControllerDevice(transport: HidTransport): Promise<WeightDevice> {
  const reader = new ShelfControllerReader(transport);
  const samples = new Listeners<[WeightSampleSet]>();
  const errors = new Listeners<[Error]>();
  const closes = new Listeners<[string, boolean]>();
  reader.onSamples((s) => {
    const raw = new Float64Array(s.raw.length);
    for (let i = 0; i < raw.length; i++) raw[i] = s.raw[i] === NO_READING ? Number.NaN : s.raw[i]!;
    samples.emit({ deviceTimeUs: s.deviceTimeUs, raw, dropped: s.dropped });
  });
  reader.onError((error) => errors.emit(error));
  reader.onStatus((status, detail) => {
    if (status === 'offline') closes.emit(detail, detail.startsWith('disconnected'));
  });
  try {
    await reader.open();
  } catch (error) {
    await transport.close();
    throw error;
  }
  const identity = reader.identity!;
  const configuration = reader.configuration!;
  return {
    kind: 'shelf-controller',
    serial: identity.serial,
    channelCount: configuration.channelCount,
    get sampleRateHz() {
      return reader.configuration?.sampleRateHz ?? configuration.sampleRateHz;
    },
    description: `${identity.vendor} shelf controller, firmware ${identity.firmwareVersion}, ${configuration.channelCount} channels at ${configuration.sampleRateHz} Hz`,
    get deviceCalibration(): readonly ChannelCalibration[] {
      return reader.calibration;
    },
    stats: reader.stats,
    onSamples: (listener) => samples.add(listener),
    onError: (listener) => errors.add(listener),
    onClose: (listener) => closes.add(listener),
    storeCalibration: (channels) => reader.setCalibration(channels),
    zero: async () => {
      throw new Error(`shelf controller ${identity.serial} has no zero command: tare its plates on the host`);
    },
    close: () => reader.close(),
  };
}
