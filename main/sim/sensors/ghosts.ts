// False positives of a person detector: not salt-and-pepper but "ghosts" — a reflection in a
// fridge door, a mannequin, a stack of boxes — that appear at a plausible floor spot with a
// plausible body size and linger for a few frames, so a tracker that confirms after one or two
// hits will start tracks on them.
import { pointInPolygon, polygonBounds } from '../../store/geometry';
import type { Point } from '../../store/schema';
import type { Rng } from './streams';
import { geometric } from './streams';

export interface Ghost {
  x: number;
  y: number;
  height: number;
  radius: number;
  score: number;
  framesLeft: number;
}

export class GhostField {
  private readonly ghosts: Ghost[] = [];
  private readonly bounds;

  constructor(
    private readonly fieldOfView: readonly Point[],
    /** Chance per frame that a ghost appears. */
    private readonly spawnRate: number,
    private readonly meanFrames: number,
  ) {
    this.bounds = fieldOfView.length >= 3 ? polygonBounds(fieldOfView) : null;
  }

  /** The ghosts of this frame (spawning and expiring them). */
  step(rng: Rng): readonly Ghost[] {
    for (let i = this.ghosts.length - 1; i >= 0; i--) {
      const g = this.ghosts[i]!;
      if (--g.framesLeft <= 0) this.ghosts.splice(i, 1);
      else {
        g.x += rng.normal(0, 0.02);
        g.y += rng.normal(0, 0.02);
      }
    }
    if (this.bounds && rng.chance(this.spawnRate)) {
      const b = this.bounds;
      for (let tries = 0; tries < 8; tries++) {
        const p: Point = [rng.range(b.minX, b.maxX), rng.range(b.minY, b.maxY)];
        if (!pointInPolygon(p, this.fieldOfView)) continue;
        this.ghosts.push({
          x: p[0],
          y: p[1],
          height: rng.range(0.5, 1.9),
          radius: rng.range(0.15, 0.35),
          score: rng.range(0.2, 0.6),
          framesLeft: geometric(rng, this.meanFrames),
        });
        break;
      }
    }
    return this.ghosts;
  }
}
