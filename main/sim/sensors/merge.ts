// Many time-ordered sensor streams into the one stream the engine reads, in the project's single
// merge order (recording/merge-order: time, then kind, then source). Each source must already be
// in that order; a heap over their heads then yields the same sequence a stable sort of everything
// would, without holding everything.
import { inputTime, type EngineInput } from '../../engine/inputs';
import { compareInputs } from '../../recording/merge-order';
import { MinHeap } from '../../recording/min-heap';

interface Head {
  value: EngineInput;
  /** inputTime(value), kept so most comparisons are one subtraction. */
  time: number;
  source: Iterator<EngineInput>;
  /** Position among the sources: the last tie-break, for two sources with one name. */
  index: number;
}

export function* mergeInputs(sources: readonly Iterable<EngineInput>[]): Generator<EngineInput> {
  const heap = new MinHeap<Head>((a, b) => {
    if (a.time !== b.time) return a.time < b.time;
    const c = compareInputs(a.value, b.value);
    return c < 0 || (c === 0 && a.index < b.index);
  });
  sources.forEach((iterable, index) => {
    const source = iterable[Symbol.iterator]();
    const first = source.next();
    if (!first.done) heap.push({ value: first.value, time: inputTime(first.value), source, index });
  });
  for (;;) {
    const top = heap.peek();
    if (!top) return;
    yield top.value;
    const next = top.source.next();
    if (next.done) heap.pop();
    else {
      top.value = next.value;
      top.time = inputTime(next.value);
      heap.siftTop();
    }
  }
}
