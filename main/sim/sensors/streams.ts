// One independent random stream per named thing (a plate, a camera, an interaction, a session), all
// from the behaviour model's seeded generator: adding a camera or an interaction must not shift the
// noise of every other sensor, or a one-line change to a scenario would change every number.
import { Rng, hashString } from '../behaviour/rng';

export { Rng };

export function sensorStream(seed: number, key: string): Rng {
  return Rng.derive(seed, hashString(key));
}

/** Clips x to [lo, hi]. */
export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Geometric count on {1, 2, …} with the given mean (≥ 1). */
export function geometric(rng: Rng, mean: number): number {
  if (mean <= 1) return 1;
  let u = 0;
  while (u <= 1e-12) u = rng.float();
  return Math.max(1, Math.ceil(Math.log(u) / Math.log(1 - 1 / mean)));
}
