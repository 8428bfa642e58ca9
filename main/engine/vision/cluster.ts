// Grouping floor observations no track claimed into candidate people: agglomerative, closest pairs
// first, never two observations of one camera in a group (a camera sees a person once; two boxes
// from one camera are two people, or a duplicate the tracker must not double), and groups joined
// only while their centroids are within the radius, so a crowd does not chain into one blob.

export interface ClusterPoint {
  camera: number;
  x: number;
  y: number;
}

export class Clusterer {
  private parent = new Int32Array(64);
  private sumX = new Float64Array(64);
  private sumY = new Float64Array(64);
  private size = new Int32Array(64);
  private pairs: number[] = [];
  private dist: number[] = [];
  private order: number[] = [];
  private members: number[][] = [];

  /**
   * Labels each of points[0..count) with its cluster (0..k-1, numbered by first member) into
   * `labels` and returns k.
   */
  cluster(points: readonly ClusterPoint[], count: number, radius: number, labels: Int32Array): number {
    this.ensure(count);
    for (let i = 0; i < count; i++) {
      this.parent[i] = i;
      this.sumX[i] = points[i]!.x;
      this.sumY[i] = points[i]!.y;
      this.size[i] = 1;
      const m = this.members[i] ?? (this.members[i] = []);
      m.length = 0;
      m.push(i);
    }
    this.pairs.length = 0;
    this.dist.length = 0;
    const r2 = radius * radius;
    for (let i = 0; i < count; i++) {
      const a = points[i]!;
      for (let j = i + 1; j < count; j++) {
        const b = points[j]!;
        if (a.camera === b.camera) continue;
        const d2 = (a.x - b.x) ** 2 + (a.y - b.y) ** 2;
        if (d2 > r2) continue;
        this.pairs.push(i, j);
        this.dist.push(d2);
      }
    }
    const np = this.dist.length;
    this.order.length = np;
    for (let k = 0; k < np; k++) this.order[k] = k;
    // Ties broken by pair index, so the result does not depend on the sort's stability.
    this.order.sort((p, q) => this.dist[p]! - this.dist[q]! || p - q);
    for (const k of this.order) {
      const ri = this.find(this.pairs[2 * k]!);
      const rj = this.find(this.pairs[2 * k + 1]!);
      if (ri === rj) continue;
      const cx = this.sumX[ri]! / this.size[ri]! - this.sumX[rj]! / this.size[rj]!;
      const cy = this.sumY[ri]! / this.size[ri]! - this.sumY[rj]! / this.size[rj]!;
      if (cx * cx + cy * cy > r2 || this.sharesCamera(points, ri, rj)) continue;
      const [keep, gone] = ri < rj ? [ri, rj] : [rj, ri];
      this.parent[gone] = keep;
      this.sumX[keep] = this.sumX[keep]! + this.sumX[gone]!;
      this.sumY[keep] = this.sumY[keep]! + this.sumY[gone]!;
      this.size[keep] = this.size[keep]! + this.size[gone]!;
      this.members[keep]!.push(...this.members[gone]!);
    }
    let k = 0;
    const labelOf = new Map<number, number>();
    for (let i = 0; i < count; i++) {
      const root = this.find(i);
      let label = labelOf.get(root);
      if (label === undefined) {
        label = k++;
        labelOf.set(root, label);
      }
      labels[i] = label;
    }
    return k;
  }

  private sharesCamera(points: readonly ClusterPoint[], a: number, b: number): boolean {
    for (const i of this.members[a]!) for (const j of this.members[b]!) if (points[i]!.camera === points[j]!.camera) return true;
    return false;
  }

  private find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }

  private ensure(n: number): void {
    if (this.parent.length >= n) return;
    const m = n * 2;
    this.parent = new Int32Array(m);
    this.sumX = new Float64Array(m);
    this.sumY = new Float64Array(m);
    this.size = new Int32Array(m);
  }
}
