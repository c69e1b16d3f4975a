import type { HealthLevel } from '@/lib/endpoints/health';
import { healthDisplay } from './health-display';
import { toneClasses } from './tone';

/** A health level as a labelled badge; the label, not the colour, carries the meaning. */
export function HealthBadge({ level }: { level: HealthLevel }) {
  const display = healthDisplay[level];
  return (
    <span
      title={display.description}
      className={`whitespace-nowrap rounded px-2 py-0.5 text-sm font-medium ${toneClasses[display.tone]}`}
    >
      {display.label}
    </span>
  );
}
