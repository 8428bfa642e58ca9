// Real shelf devices wired up: the supervisor finds and keeps the controllers (and POS scales) on a
// HID backend, the feed turns their samples into raw plate chunks and status inputs, and the plate
// signal calibrates them into the engine's PlateSamples, which go to `push` (in the live worker, the
// DeviceInputQueue in front of the live pipeline).
import type { EngineInput } from '../../engine/inputs';
import type { HidBackend } from '../../../native-bridge/hid/hid-backend';
import { WeightDeviceSupervisor, type SupervisorOptions } from '../../../native-bridge/hid/device-supervisor';
import { ShelfDeviceFeed, type ShelfDeviceSink } from './device-feed';
import type { PlateSignal } from './plate-signal';

export interface ShelfDevices {
  supervisor: WeightDeviceSupervisor;
  stop(): Promise<void>;
}

/** Where the feed's output goes: through the plate signal, then to the engine's inputs. */
export function signalSink(signal: PlateSignal, push: (input: EngineInput) => void): ShelfDeviceSink {
  return {
    chunk(chunk) {
      const samples = signal.process(chunk);
      if (samples) push(samples);
    },
    status(status) {
      signal.deviceState(status.device, status.state === 'online', status.detail ?? status.state);
      push(status);
    },
    deviceCalibration: (plate, calibration) => signal.setDeviceCalibration(plate, calibration),
  };
}

export async function startShelfDevices(
  backend: HidBackend,
  signal: PlateSignal,
  push: (input: EngineInput) => void,
  options: { now: () => number; supervisor?: SupervisorOptions; chunkMs?: number },
): Promise<ShelfDevices> {
  const supervisor = new WeightDeviceSupervisor(backend, options.supervisor);
  const feed = new ShelfDeviceFeed(supervisor, signal.map, signalSink(signal, push), { now: options.now, chunkMs: options.chunkMs });
  await supervisor.start();
  return {
    supervisor,
    async stop() {
      feed.stop();
      await supervisor.stop();
    },
  };
}
