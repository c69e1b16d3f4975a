/**
 * A share 0..1 as a percentage, by the one rounding rule Fleetdeck shows shares with: whole percent to the
 * nearest ("33%", "100%"), except one decimal when that rounds to between 0.1% and 9.9% ("5.0%", "0.3%"), so a
 * small canary neither reads as 0% nor as a round number it is not.
 */
export function formatPercent(share: number): string {
  const percent = share * 100;
  const tenths = Math.round(percent * 10) / 10;
  return tenths > 0 && tenths < 10 ? `${tenths.toFixed(1)}%` : `${Math.round(percent)}%`;
}
