// The API between main and the renderer: every call with the zod schema of its input and the type
// of its answer, and every stream with the type it pushes. Both transports (Electron IPC and the
// browser host's WebSocket) are generated from these tables, so a call exists everywhere or nowhere.
import { z } from 'zod';
import type { FloorPlan, HostHealth, LiveFloorFrame, SystemStatus } from './dto';

const noInput = z.object({}).strict();

export const apiCalls = {
  getSystemStatus: noInput,
  getFloorPlan: noInput,
} as const;

export interface ApiOutputs {
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
}
export type StreamTopic = keyof ApiStreams;
export const streamTopics: readonly StreamTopic[] = ['hostHealth', 'liveFloor'];
export const streamTopicSchema = z.enum(['hostHealth', 'liveFloor']);

/** What main implements: one async function per call, inputs already validated. */
export type ApiHandlers = { [M in ApiMethod]: (input: z.output<(typeof apiCalls)[M]>) => Promise<ApiOutput<M>> };

export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unauthorized';

/** What the renderer holds, whichever transport sits behind it. */
export interface ApiClient {
  call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>>;
  subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void): () => void;
  onConnectionChange(handler: (state: ConnectionState) => void): () => void;
  readonly connection: ConnectionState;
  close(): void;
}
