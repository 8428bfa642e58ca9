// Doubling growth for the typed arrays that encoders reuse batch after batch: after the first few
// batches they are big enough and encoding stops allocating.
type TypedArray = Float64Array | Float32Array | Uint32Array | Uint8Array;

/** A copy of `array` with room for `length` elements. */
export function grow<T extends TypedArray>(array: T, length: number): T {
  const grown = new (array.constructor as new (n: number) => T)(length);
  grown.set(array);
  return grown;
}
