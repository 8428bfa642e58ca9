// TEST DOUBLE — a hand-written ApiClient for unit tests, never used by the app. Tests script each
// call's answer, push stream messages and connection changes by hand, and read back what was
// called, so slices are exercised without a host or a transport.
import {
  ApiError,
  type ApiClient,
  type ApiInput,
  type ApiMethod,
  type ApiOutput,
  type ApiStreams,
  type ConnectionState,
  type StreamTopic,
} from '../../../native-bridge/contract';

export type ScriptedAnswer<M extends ApiMethod> = (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;

export interface Deferred<T> {
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (error: unknown) => void;
}

/** A promise the test settles by hand, to look at the state while a call is still in flight. */
export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export class TestDoubleApiClient implements ApiClient {
  connection: ConnectionState;
  closed = false;
  readonly calls: Array<{ method: ApiMethod; input: unknown }> = [];

  private readonly answers = new Map<ApiMethod, ScriptedAnswer<ApiMethod>>();
  private readonly streamHandlers = new Map<StreamTopic, Set<(payload: never) => void>>();
  private readonly connectionHandlers = new Set<(state: ConnectionState) => void>();

  constructor(connection: ConnectionState = 'open') {
    this.connection = connection;
  }

  /** Scripts what `method` answers from now on: a value, a thrown error or a pending promise. */
  answer<M extends ApiMethod>(method: M, answer: ScriptedAnswer<M>): this {
    this.answers.set(method, answer as unknown as ScriptedAnswer<ApiMethod>);
    return this;
  }

  async call<M extends ApiMethod>(method: M, input: ApiInput<M>): Promise<ApiOutput<M>> {
    this.calls.push({ method, input });
    const answer = this.answers.get(method) as ScriptedAnswer<M> | undefined;
    if (!answer) throw new ApiError('unknown_method', `TestDoubleApiClient: no answer scripted for ${method}`);
    return answer(input);
  }

  callsOf(method: ApiMethod): unknown[] {
    return this.calls.filter((call) => call.method === method).map((call) => call.input);
  }

  subscribe<T extends StreamTopic>(topic: T, handler: (payload: ApiStreams[T]) => void): () => void {
    const handlers = this.streamHandlers.get(topic) ?? new Set();
    handlers.add(handler as (payload: never) => void);
    this.streamHandlers.set(topic, handlers);
    return () => handlers.delete(handler as (payload: never) => void);
  }

  /** Delivers a stream message to every current subscriber, as the host would. */
  push<T extends StreamTopic>(topic: T, payload: ApiStreams[T]): void {
    for (const handler of this.streamHandlers.get(topic) ?? []) (handler as (p: ApiStreams[T]) => void)(payload);
  }

  subscriberCount(topic: StreamTopic): number {
    return this.streamHandlers.get(topic)?.size ?? 0;
  }

  onConnectionChange(handler: (state: ConnectionState) => void): () => void {
    this.connectionHandlers.add(handler);
    return () => this.connectionHandlers.delete(handler);
  }

  /** Moves the fake link to `state` and tells every listener, as a transport would. */
  setConnection(state: ConnectionState): void {
    this.connection = state;
    for (const handler of this.connectionHandlers) handler(state);
  }

  connectionListenerCount(): number {
    return this.connectionHandlers.size;
  }

  close(): void {
    this.closed = true;
    this.setConnection('closed');
  }
}
