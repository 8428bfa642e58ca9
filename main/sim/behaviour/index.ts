// The people model of the store simulator: who comes in, how they walk, what they take. The
// sensor models (../sensors) render engine inputs from the SimWorld this produces.
export {
  behaviourConfig,
  BehaviourConfigError,
  checkBehaviourConfig,
  DEFAULT_START_MS,
  defaultBehaviourConfig,
  DEMO_STORE_KEY,
  type ArrivalCurvePoint,
  type BehaviourConfig,
} from './config';
export { Rng, hashString } from './rng';
export { simulateWorld, simulateWorldWithStats, type SimulationStats } from './simulate';
export { adjacentPlates, countSimultaneousAdjacentPicks, summariseWorld, type WorldSummary } from './summary';
