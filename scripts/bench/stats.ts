/** The few statistics the table reports. */

/** The q-quantile (0…1) with linear interpolation between ranks; NaN for no samples. */
export const quantile = (xs: number[], q: number) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
};
export const median = (xs: number[]) => quantile(xs, 0.5);
export const ms = (x: number) => `${Math.round(x)} ms`;
export const list = (xs: number[]) => xs.map((x) => (Number.isFinite(x) ? Math.round(x) : '–')).join(', ');
/** "IQR a–b" of the samples, each formatted by `f`. */
export const iqr = (xs: number[], f: (x: number) => string) => `IQR ${f(quantile(xs, 0.25))}–${f(quantile(xs, 0.75))}`;
