// Public API of recording: engine inputs to and from the store's input log, in a compact,
// checksummed, versioned format, replayed in the one order the engine must see.
export { RecordingFormatError } from './errors';
export { BatchEncoder, decodeBatch, encodeBatch, inputEndTime, inputSource, recordingFormatVersion } from './codec';
export type { SealedBatch } from './codec';
export { recordedGrams } from './plate-codec';
export { recordedPosition, recordedScore, recordedSize } from './detections-codec';
export { recorded } from './recorded';
export { RecordingWriter } from './writer';
export type { RecordingWriterOptions, RecordingWriterStats } from './writer';
export { readRecording } from './reader';
export type { ReadRecordingOptions } from './reader';
export { compareInputs, kindRank, kindTieOrder } from './merge-order';
export { benchRecording } from './bench';
export type { RecordingBenchOptions, RecordingBenchResult } from './bench';
