// Every tunable of the vision stage in one place, with the reason for its default. Times are store
// milliseconds, distances metres, scores the detector's 0..1. The defaults were chosen on simulated
// seeds 1–3 of the demo store (see the vision stage's report), not on the seed it is scored on.

export interface VisionOptions {
  /** Floor ticks: the tracker fuses cameras and emits track points every tickMs of store time. */
  tickMs: number;

  // ---- per-camera tracking (ByteTrack) -------------------------------------------------------
  /** Detections at or above this score are "high" (first association, may start tracks). */
  highScore: number;
  /** Detections between this and highScore only extend existing tracks (ByteTrack's second pass). */
  lowScore: number;
  /** A new camera track needs this score (ByteTrack: highScore + 0.1; equal here, as people half hidden in a queue must still start tracks). */
  newTrackScore: number;
  /** First association: minimum IoU × score (ByteTrack's fused score, match_thresh 0.8). */
  firstMinIou: number;
  /** Second association (low-score detections): minimum IoU (ByteTrack: 0.5). */
  secondMinIou: number;
  /** Unconfirmed tracks against what is left: minimum IoU (ByteTrack: 0.3). */
  unconfirmedMinIou: number;
  /** A camera track lost for longer than this is removed (ByteTrack: 30 frames at 30 fps). */
  cameraLostMs: number;

  // ---- floor projection ----------------------------------------------------------------------
  /** Cameras pitched at least this far down (degrees) are top-down: heads, not feet, are projected. */
  topDownPitchDeg: number;
  /** Prior head-top height used before a track has learnt its own (the detector's head point is the top of the head). */
  headHeightM: number;
  /** Spread of head heights between people, the prior uncertainty of a track's height. */
  headHeightStdM: number;
  /** Distance from the bottom edge of an oblique view's box (the near side of the feet) to the body's centre. */
  footOffsetM: number;
  /** Body radius used to read a head position off a box when no head keypoint came. */
  bodyRadiusM: number;
  /** Head keypoints below this confidence are ignored. */
  minKeypointConfidence: number;
  /** Floor noise every observation carries whatever the pixels say: sway, lean, the head not above the feet. */
  baseNoiseM: number;
  /** Pixel noise of a keypoint or box edge, as a share of the box height. */
  pixelNoise: number;
  /** Noise growth towards the image corners (lens residuals, truncated bodies): σ × (1 + edgeGain · r²). */
  edgeGain: number;

  // ---- hands ---------------------------------------------------------------------------------
  /** Hand keypoints below this confidence are ignored; above it, a keypoint's precision scales with its confidence. */
  minHandConfidence: number;
  /** Pixel noise of a hand keypoint, as a share of the box's larger side (hands blur and are small). */
  handPixelNoise: number;
  /** Where hands are expected with no view of them, as a share of the person's head height (about the hips). */
  handPriorHeightShare: number;
  /** How far from there a hand may be: about an arm's length. */
  handPriorSigmaM: number;
  /** A camera's hand ray further than this (and 3σ) from the other cameras' point saw something else. */
  handOutlierM: number;

  // ---- floor tracking ------------------------------------------------------------------------
  /** Mahalanobis gate (squared, 2 dof) for an observation to update an active track. */
  gateChi2: number;
  /** Also never further than this from the prediction, however unsure the track is. */
  gateMaxM: number;
  /** Cost taken off a pair when the camera track fed this floor track last time: image tracks rarely swap. */
  linkBonus: number;
  /** Leftover observations from different cameras closer than this form one cluster. */
  clusterRadiusM: number;
  /** No new track is started this close to an existing one: two bodies cannot stand there. */
  minSeparationM: number;
  /** Ticks with observations a tentative track needs to be confirmed. */
  confirmHits: number;
  /** A tentative track missing this many ticks in a row is dropped (detector ghosts). */
  tentativeMaxMisses: number;
  /**
   * A confirmed track unseen for longer stops being reported (its predicted position is reported
   * until then). Short: a walking shopper who is not seen has often walked out of view.
   */
  coastMs: number;
  /**
   * The same for a track that was standing still when last seen: a shopper standing in a queue or
   * at a shelf who disappears is hidden, not gone, and is where they were.
   */
  stillCoastMs: number;
  /** Below this speed (m/s) over the last second a track counts as standing still. */
  stillSpeedMps: number;
  /** A track unseen this long is announced lost ('track-lost'); found again later, 'track-refound'. Shorter gaps are missed detections, not news. */
  lostAfterMs: number;
  /** A lost track is kept this long for re-finding, then ended. */
  maxGapMs: number;
  /** The same for a track lost standing still (hidden in a queue or behind others). */
  stillMaxGapMs: number;
  /** A track last seen walking outwards beyond the floor or this close to its edge has left: ended when its coasting ends. */
  exitMarginM: number;
  /** A lost track can be re-found within base + speed × gap of where it was predicted, at most max. */
  refindBaseM: number;
  refindSpeedMps: number;
  refindMaxM: number;
  /** Velocity relaxation time of a seen track, and of one not seen (shoppers stop), seconds. */
  velocityTauS: number;
  lostVelocityTauS: number;
  /** White-noise acceleration spectral density, m²/s³. */
  accelerationNoise: number;
  /** A new track's velocity uncertainty, m/s. */
  initialVelocityStd: number;
  /** How fast a track's head height may change, m per √s (bending, crouching). */
  heightDriftMPerSqrtS: number;
  /** Largest change of a track's height in one tick: one bad fit must not move it far. */
  maxHeightStepM: number;
  /** An observation whose residual from the fused position exceeds this (squared, own noise) and outlierMinM is dropped. */
  outlierChi2: number;
  outlierMinM: number;
}

export const defaultVisionOptions: Readonly<VisionOptions> = Object.freeze({
  tickMs: 100,

  highScore: 0.5,
  lowScore: 0.1,
  newTrackScore: 0.5,
  firstMinIou: 0.2,
  secondMinIou: 0.5,
  unconfirmedMinIou: 0.3,
  cameraLostMs: 1000,

  topDownPitchDeg: 70,
  headHeightM: 1.72,
  headHeightStdM: 0.1,
  footOffsetM: 0.2,
  bodyRadiusM: 0.25,
  minKeypointConfidence: 0.1,
  baseNoiseM: 0.06,
  pixelNoise: 0.03,
  edgeGain: 0.5,

  minHandConfidence: 0.1,
  handPixelNoise: 0.04,
  handPriorHeightShare: 0.55,
  handPriorSigmaM: 0.5,
  handOutlierM: 0.15,

  gateChi2: 13.8,
  gateMaxM: 1.2,
  linkBonus: 2,
  clusterRadiusM: 0.6,
  minSeparationM: 0.25,
  confirmHits: 4,
  tentativeMaxMisses: 2,
  coastMs: 300,
  stillCoastMs: 2000,
  stillSpeedMps: 0.3,
  lostAfterMs: 1000,
  maxGapMs: 5000,
  stillMaxGapMs: 20000,
  exitMarginM: 0.6,
  refindBaseM: 0.8,
  refindSpeedMps: 0.6,
  refindMaxM: 2.5,
  velocityTauS: 2,
  lostVelocityTauS: 0.5,
  accelerationNoise: 0.8,
  initialVelocityStd: 1,
  heightDriftMPerSqrtS: 0.02,
  maxHeightStepM: 0.05,
  outlierChi2: 16,
  outlierMinM: 0.25,
});

export function visionOptions(overrides: Partial<VisionOptions> = {}): VisionOptions {
  return { ...defaultVisionOptions, ...overrides };
}
