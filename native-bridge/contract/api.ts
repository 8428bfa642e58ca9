// The API between main and the renderer: every call with the zod schema of its input and the type
// of its answer, and every stream with the type it pushes. Both transports (Electron IPC and the
// browser host's WebSocket) are generated from these tables, so a call exists everywhere or nowhere.
import { z } from 'zod';
import type { CallContext } from './auth';
import type { FloorPlan, HostHealth, LiveFloorFrame, SystemStatus } from './dto';
import { authCalls, type AuthOutputs } from './users';
import { liveFloorCalls, type LiveFloorOutputs } from './live-floor';
import { analyticsCalls, type AnalyticsOutputs } from './analytics';
import { restockCalls, type RestockOutputs } from './restock';
import { reviewCalls, type ReviewOutputs } from './dto-review';
import { replayCalls, type ReplayOutputs } from './dto-replay';
import { devicesCalls, type DevicesOutputs, type ShelfWeightsFrame } from './devices';
import { cameraCalls, type CameraOutputs } from './cameras';

const noInput = z.object({}).strict();

export const apiCalls = {
  ...authCalls,
  ...liveFloorCalls,
  ...analyticsCalls,
  ...restockCalls,
  ...reviewCalls,
  ...replayCalls,
  ...devicesCalls,
  ...cameraCalls,
  getSystemStatus: noInput,
  getFloorPlan: noInput,
} as const;

export interface ApiOutputs extends AuthOutputs, LiveFloorOutputs, AnalyticsOutputs, ReviewOutputs, ReplayOutputs, RestockOutputs, DevicesOutputs, CameraOutputs {
  getSystemStatus: SystemStatus;
  getFloorPlan: FloorPlan;
}

export type ApiMethod = keyof typeof apiCalls & keyof ApiOutputs;
export type ApiInput<M extends ApiMethod> = z.input<(typeof apiCalls)[M]>;
export type ApiOutput<M extends ApiMethod> = ApiOutputs[M];

export const apiMethods = Object.keys(apiCalls) as ApiMethod[];

export interface ApiStreams {
  hostHealth: HostHealth;
  liveFloor: LiveFloorFrame;
  shelfWeights: ShelfWeightsFrame;
}
export type StreamTopic = keyof ApiStreams;
export const streamTopics: readonly StreamTopic[] = ['hostHealth', 'liveFloor', 'shelfWeights'];
export const streamTopicSchema = z.enum(['hostHealth', 'liveFloor', 'shelfWeights']);

/**
 * What main implements: one async function per call, inputs already validated and the caller's
 * permission already checked (see permissions.ts); `context.caller` names who is calling.
 */
export type ApiHandlers = {
  [M in ApiMethod]: (input: z.output<(typeof apiCalls)[M]>, context: CallContext) => Promise<ApiOutput<M>>;
};

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** What the renderer holds, whichever transport sits behind it. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void): () => void;
  onConnectionChange(handler: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
  close(): void;
}
