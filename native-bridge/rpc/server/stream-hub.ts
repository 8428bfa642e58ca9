// Live state pushed to the renderer: services publish on a topic, each connected client's session
// subscribes to the topics its views show. Publishing with no subscriber costs nothing.
import type { ApiStreams, StreamTopic } from '../../contract/api';

type Listener<T extends StreamTopic> = (payload: ApiStreams[T]) => void;

export class StreamHub {
  private readonly listeners = new Map<StreamTopic, Set<Listener<StreamTopic>>>();
  private readonly snapshots = new Map<StreamTopic, () => ApiStreams[StreamTopic] | undefined>();

  /** A new subscriber gets the current state at once instead of waiting for the next change. */
  provideSnapshot<T extends StreamTopic>(topic: T, snapshot: () => ApiStreams[T] | undefined): () => void {
    this.snapshots.set(topic, snapshot);
    return () => this.snapshots.delete(topic);
  }

  subscribe<T extends StreamTopic>(topic: T, listener: Listener<T>): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener as Listener<StreamTopic>);
    const current = this.snapshots.get(topic)?.();
    if (current !== undefined) listener(current as ApiStreams[T]);
    return () => set.delete(listener as Listener<StreamTopic>);
  }

  publish<T extends StreamTopic>(topic: T, payload: ApiStreams[T]): void {
    for (const listener of this.listeners.get(topic) ?? []) listener(payload);
  }

  subscriberCount(topic: StreamTopic): number {
    return this.listeners.get(topic)?.size ?? 0;
  }
}
