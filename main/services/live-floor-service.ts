// What the floor map asks besides the live stream: one session's live cart and recent events, when
// a manager clicks its shopper. Answered from the live feed's copy of the sessions; a host with no
// live feed says so rather than pretending the session does not exist.
import { ApiError } from '../../native-bridge/contract/errors';
import type { LiveSessionDetail } from '../../native-bridge/contract/live-floor';

export interface LiveSessionSource {
  session(sessionId: string): LiveSessionDetail | undefined;
}

export interface LiveFloorService {
  session(sessionId: string): LiveSessionDetail;
}

export function createLiveFloorService(live: LiveSessionSource | undefined): LiveFloorService {
  return {
    session(sessionId) {
      if (!live) throw new ApiError('not_found', `getLiveSession: no live feed runs on this host, so there is no session ${sessionId}`);
      const detail = live.session(sessionId);
      if (!detail) throw new ApiError('not_found', `getLiveSession: session ${sessionId} is neither open nor among the recently closed ones`);
      return detail;
    },
  };
}
