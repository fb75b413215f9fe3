// round(x, digits): half away from zero, on the decimal that JavaScript shows for x (its shortest round-trip
// form), so round(1.005, 2) is 1.01 as written, not 1.00 as the binary double 1.00499999999999989… would give.

/** x × 10^k by moving the decimal exponent of x's shortest form, without a binary multiplication. */
function shift(x: number, k: number): number {
  const [mantissa, exponent = "0"] = x.toString().split("e");
  return Number(`${mantissa}e${Number(exponent) + k}`);
}

export const MAX_ROUND_DIGITS = 15;

/** NaN when x is not finite or digits is not an integer in [-15, 15]. */
export function roundHalfAway(x: number, digits = 0): number {
  if (!Number.isFinite(x) || !Number.isInteger(digits) || Math.abs(digits) > MAX_ROUND_DIGITS) return Number.NaN;
  const sign = x < 0 ? -1 : 1;
  const a = Math.abs(x);
  if (digits === 0) return sign * Math.round(a);
  return sign * shift(Math.round(shift(a, digits)), -digits);
}
