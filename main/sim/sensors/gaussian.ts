// Standard normals fast enough for every load-cell sample of a store (~80 k a second of store
// time): Marsaglia & Tsang's ziggurat (J. Stat. Softw. 5(8), 2000), 128 layers, drawing its
// 32-bit integers from the behaviour model's seeded generator. About 99 % of draws cost one
// integer, a compare and a multiply, where Box–Muller needs a log, a root and a sine per pair.
import type { Rng } from './streams';

const LAYERS = 128;
const R = 3.442619855899;
const V = 9.91256303526217e-3;
const M1 = 2147483648;

const kn = new Uint32Array(LAYERS);
const wn = new Float64Array(LAYERS);
const fn = new Float64Array(LAYERS);
{
  let dn = R;
  let tn = dn;
  const q = V / Math.exp(-0.5 * dn * dn);
  kn[0] = (dn / q) * M1;
  kn[1] = 0;
  wn[0] = q / M1;
  wn[LAYERS - 1] = dn / M1;
  fn[0] = 1;
  fn[LAYERS - 1] = Math.exp(-0.5 * dn * dn);
  for (let i = LAYERS - 2; i >= 1; i--) {
    dn = Math.sqrt(-2 * Math.log(V / dn + Math.exp(-0.5 * dn * dn)));
    kn[i + 1] = (dn / tn) * M1;
    tn = dn;
    fn[i] = Math.exp(-0.5 * dn * dn);
    wn[i] = dn / M1;
  }
}

function uniformOpen(rng: Rng): number {
  let u = 0;
  while (u <= 1e-12) u = rng.float();
  return u;
}

/** One standard normal draw. */
export function gaussian(rng: Rng): number {
  let hz = rng.nextU32() | 0;
  let iz = hz & (LAYERS - 1);
  if (Math.abs(hz) < kn[iz]!) return hz * wn[iz]!;
  for (;;) {
    // The rare slow path: the base strip's tail, or a wedge between rectangle and curve.
    const x = hz * wn[iz]!;
    if (iz === 0) {
      let tx: number;
      let ty: number;
      do {
        tx = -Math.log(uniformOpen(rng)) / R;
        ty = -Math.log(uniformOpen(rng));
      } while (ty + ty < tx * tx);
      return hz > 0 ? R + tx : -R - tx;
    }
    if (fn[iz]! + rng.float() * (fn[iz - 1]! - fn[iz]!) < Math.exp(-0.5 * x * x)) return x;
    hz = rng.nextU32() | 0;
    iz = hz & (LAYERS - 1);
    if (Math.abs(hz) < kn[iz]!) return hz * wn[iz]!;
  }
}
