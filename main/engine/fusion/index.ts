// Public API of the fusion stage: gate and sessions, attribution of shelf events to shoppers,
// carts, flags and receipts (DESIGN §4 "Fusion").
export { createFusionStage, type FusionStage, type FusionStageOptions } from './fusion-stage';
export { defaultFusionOptions, fusionOptions, type FusionOptions, type FusionTunables } from './options';
export type { LiveSession, MemberState } from './session';
export type { CartLine } from './cart';
export { NOBODY } from './attribution';
