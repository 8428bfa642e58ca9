// numpy's summation order, where TrackEval's result depends on it bit for bit. HOTA builds its global
// alignment score from row and column sums of each frame's similarity matrix; a last-bit difference
// there can turn an exact tie between two candidate matches into a non-tie (or back), and the tie
// decides the match. numpy sums a contiguous run pairwise (8 interleaved accumulators, blocks of 128)
// and a non-contiguous axis element by element; these functions reproduce that.

/** numpy's pairwise_sum over a[first], a[first + step], ... (n values). */
export function pairwiseSum(a: Float64Array, first: number, n: number, step: number): number {
  if (n < 8) {
    let res = 0;
    for (let i = 0; i < n; i++) res += a[first + i * step]!;
    return res;
  }
  if (n <= 128) {
    let r0 = a[first]!;
    let r1 = a[first + step]!;
    let r2 = a[first + 2 * step]!;
    let r3 = a[first + 3 * step]!;
    let r4 = a[first + 4 * step]!;
    let r5 = a[first + 5 * step]!;
    let r6 = a[first + 6 * step]!;
    let r7 = a[first + 7 * step]!;
    let i = 8;
    for (; i < n - (n % 8); i += 8) {
      const p = first + i * step;
      r0 += a[p]!;
      r1 += a[p + step]!;
      r2 += a[p + 2 * step]!;
      r3 += a[p + 3 * step]!;
      r4 += a[p + 4 * step]!;
      r5 += a[p + 5 * step]!;
      r6 += a[p + 6 * step]!;
      r7 += a[p + 7 * step]!;
    }
    let res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
    for (; i < n; i++) res += a[first + i * step]!;
    return res;
  }
  let n2 = Math.floor(n / 2);
  n2 -= n2 % 8;
  return pairwiseSum(a, first, n2, step) + pairwiseSum(a, first + n2 * step, n - n2, step);
}

/** m.sum(1) of a C-contiguous rows × cols matrix: each row is contiguous, so pairwise. */
export function rowSums(m: Float64Array, rows: number, cols: number, out: Float64Array): void {
  for (let i = 0; i < rows; i++) out[i] = pairwiseSum(m, i * cols, cols, 1);
}

/**
 * m.sum(0) of a C-contiguous rows × cols matrix: numpy adds whole rows in turn, except that a single
 * column is contiguous and so is summed pairwise.
 */
export function columnSums(m: Float64Array, rows: number, cols: number, out: Float64Array): void {
  if (cols === 1) {
    out[0] = pairwiseSum(m, 0, rows, 1);
    return;
  }
  out.fill(0, 0, cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j]! += m[i * cols + j]!;
  }
}
