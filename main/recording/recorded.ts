// An input as the input log gives it back: the same, at the recorded resolution (grams, box
// positions, sizes and scores are quantised by the codecs). The live pipeline feeds the engine this
// form, so that the decisions it makes live are the ones a replay of the log makes — which is what
// lets a run resumed after a crash recognise the decisions it had already stored.
import { boxStride, type EngineInput, type PlateSamples } from '../engine/inputs';
import { recordedPosition, recordedScore, recordedSize } from './detections-codec';
import { recordedGrams } from './plate-codec';

export function recorded(input: EngineInput): EngineInput {
  switch (input.kind) {
    case 'plate-samples':
      return { ...input, grams: input.grams.map(recordedGrams) } satisfies PlateSamples;
    case 'detections': {
      const boxes = input.boxes.map((v, i) => (i % boxStride === 4 ? recordedScore(v) : i % boxStride < 2 ? recordedPosition(v) : recordedSize(v)));
      const copy: EngineInput = { kind: 'detections', camera: input.camera, t: input.t, boxes };
      if (input.keypoints !== undefined) copy.keypoints = input.keypoints.map((v, i) => (i % 3 === 2 ? recordedScore(v) : recordedPosition(v)));
      return copy;
    }
    default:
      return { ...input };
  }
}
