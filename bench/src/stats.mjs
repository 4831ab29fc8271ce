/**
 * The median of a list of numbers (the mean of the middle two for an even count).
 *
 * @example median([3, 1, 2]); // 2
 */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** A round's req/s: what ratios compare unless told otherwise. */
const byRps = (round) => round.rps;

/**
 * How `a` compares with `b` round by round: the median over rounds of `pick(a's round) /
 * pick(b's round)`. Both were measured in every round, seconds apart, so a machine that speeds up
 * or slows down between rounds moves both sides of each ratio alike, where a ratio of medians
 * would pair a fast round of one with a slow round of the other.
 *
 * @example pairedRatio(faultline, fastifyDefault); // 1.08
 */
export function pairedRatio(a, b, pick = byRps) {
  const ratios = [];
  const count = Math.min(a.rounds.length, b.rounds.length);
  for (let index = 0; index < count; index++) {
    const top = pick(a.rounds[index]);
    const bottom = pick(b.rounds[index]);
    // A round where either side answered nothing (a crash, a refused connection) says nothing.
    if (top > 0 && bottom > 0 && Number.isFinite(top) && Number.isFinite(bottom)) {
      ratios.push(top / bottom);
    }
  }
  return ratios.length === 0 ? undefined : median(ratios);
}
