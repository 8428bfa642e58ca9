// A share that is undefined rather than zero when there is nothing to divide by: metrics report
// null for "nothing to score", never a made-up 0 or 1.
export const ratio = (num: number, den: number): number | null => (den === 0 ? null : num / den);
