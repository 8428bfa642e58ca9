import { describe, expect, it } from 'vitest';
import { ApiError } from '../../native-bridge/contract/errors';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';
import { createLiveFloorService } from './live-floor-service';

const detail: LiveSessionDetail = { id: 'S1', anonymous: false, gate: 'in', openedAt: 0, status: 'open', trackIds: [1], cart: [], pending: [], flags: [], events: [], revision: 3 };

describe('live floor service', () => {
  it('answers a known session from the live feed', () => {
    const service = createLiveFloorService({ session: (id) => (id === 'S1' ? detail : undefined) });
    expect(service.session('S1')).toBe(detail);
  });

  it('answers not_found for a session the feed does not hold, and for a host with no feed', () => {
    const withFeed = createLiveFloorService({ session: () => undefined });
    expect(() => withFeed.session('S9')).toThrow(ApiError);
    expect(() => withFeed.session('S9')).toThrow(/S9 is neither open nor among the recently closed/);
    const noFeed = createLiveFloorService(undefined);
    expect(() => noFeed.session('S1')).toThrow(/no live feed runs on this host/);
  });
});
