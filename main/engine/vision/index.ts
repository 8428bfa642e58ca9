// Public API of the vision stage: per-camera tracking, floor projection and cross-camera floor
// tracking (DESIGN.md §4 "Vision"). Walkout does no face recognition: identity is geometry.
export { createVisionStage, type VisionStage, type FloorTrackState } from './stage';
export { defaultVisionOptions, visionOptions, type VisionOptions } from './options';
export { benchVision, type VisionBenchResult } from './bench';
