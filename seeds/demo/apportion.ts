/**
 * Splits a whole number into parts proportional to `weights` that add up to exactly `total`
 * (largest remainder; ties go to the earlier part, so the split is deterministic).
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const shortfall = total - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((value, index) => ({ remainder: value - parts[index], index }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (let k = 0; k < shortfall; k++) parts[byRemainder[k].index]++;
  return parts;
}
