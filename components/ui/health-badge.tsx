import type { HealthLevel } from '@/lib/endpoints/health';
import { Badge } from './badge';
import { healthDisplay } from './health-display';

/** A health level as a labelled badge; the label, not the colour, carries the meaning. */
export function HealthBadge({ level }: { level: HealthLevel }) {
  const display = healthDisplay[level];
  return <Badge tone={display.tone} label={display.label} title={display.description} wrap="nowrap" />;
}
