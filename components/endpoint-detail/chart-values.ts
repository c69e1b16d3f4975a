import { formatCount } from '@/lib/format/count';
import { formatLatencyMs } from '@/lib/format/latency';
import { formatPercent } from '@/lib/format/percent';

// How each chart's plotted values read on its axis, tooltip and table. Percent charts plot 0..100, so a value
// is a share times 100.
export const percentValue = (value: number) => formatPercent(value / 100);
export const countValue = formatCount;
export const latencyValue = formatLatencyMs;
