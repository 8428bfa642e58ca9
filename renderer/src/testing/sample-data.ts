// TEST DATA — small hand-made answers for unit tests. Not the demo store and never shown by the
// app; shapes follow the contract so the type checker keeps them honest when it changes.
import type { FloorPlan, HostHealth, LiveFloorFrame, LiveShopper, SystemStatus } from '../../../native-bridge/contract';

export function sampleFloorPlan(): FloorPlan {
  return {
    layout: {
      schemaVersion: 1,
      id: 'test-store',
      name: 'Test Store',
      currency: 'USD',
      timezone: 'UTC',
      floor: {
        width: 20,
        depth: 10,
        outline: [
          [0, 0],
          [20, 0],
          [20, 10],
          [0, 10],
        ],
      },
      zones: [
        {
          id: 'z-entry',
          name: 'Entrance',
          kind: 'entrance',
          polygon: [
            [0, 8],
            [4, 8],
            [4, 10],
            [0, 10],
          ],
        },
      ],
      fixtures: [
        {
          id: 'g1',
          name: 'Gondola 1',
          kind: 'gondola',
          center: [10, 5],
          length: 4,
          depth: 1,
          height: 1.8,
          rotation: 90,
          shelves: [
            {
              id: 'g1-s1',
              face: 'front',
              height: 0.5,
              depth: 0.5,
              plates: [{ id: 'g1-s1-p1', offset: 0, width: 0.5, device: { controller: 'C1', channel: 0 } }],
            },
          ],
        },
      ],
      // Both gates are in the bottom wall, walked −x so the store is on the walker's right.
      gates: [
        { id: 'in', name: 'Entry gate', kind: 'entry', line: [[3, 10], [1, 10]] },
        { id: 'out', name: 'Exit gate', kind: 'exit', line: [[19, 10], [17, 10]] },
      ],
    },
    cameras: [
      {
        id: 'cam1',
        name: 'Camera 1',
        position: [5, 5],
        heightM: 3,
        fieldOfView: [
          [3, 3],
          [7, 3],
          [7, 7],
          [3, 7],
        ],
      },
    ],
    counts: { fixtures: 1, shelves: 1, plates: 1, cameras: 1, products: 0 },
  };
}

export function sampleSystemStatus(): SystemStatus {
  return {
    version: '0.0.0-test',
    host: 'browser',
    store: { id: 'test-store', name: 'Test Store', currency: 'USD', timezone: 'UTC' },
    database: { path: ':memory:', schemaVersion: 1, sizeBytes: 4096 },
    startedAt: '2025-01-01T00:00:00.000Z',
  };
}

export function sampleHostHealth(): HostHealth {
  return {
    at: '2025-01-01T00:01:00.000Z',
    uptimeS: 3725,
    rssBytes: 123_400_000,
    heapUsedBytes: 45_000_000,
    database: { sizeBytes: 2_500_000, walBytes: 0 },
    clients: 2,
  };
}

/** One shopper on the live floor; bound to a session unless the patch says otherwise. */
export function sampleShopper(trackId: number, x: number, y: number, patch: Partial<LiveShopper> = {}): LiveShopper {
  return { trackId, x, y, sessionId: `S${trackId}`, state: 'session', cartUnits: 0, ...patch };
}

/** A simulated live frame at store time `t` (ms), 10× real time, with the given shoppers. */
export function sampleLiveFrame(t: number, shoppers: LiveShopper[] = [], patch: Partial<LiveFloorFrame> = {}): LiveFloorFrame {
  return {
    t,
    source: 'simulator',
    speed: 10,
    shoppers,
    counters: { openSessions: shoppers.filter((s) => s.sessionId).length, entered: shoppers.length, receipts: 0, heldForReview: 0, tailgating: 0 },
    ...patch,
  };
}
