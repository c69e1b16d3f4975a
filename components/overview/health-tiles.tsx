import Link from 'next/link';
import { healthLevels } from '@/lib/endpoints/health';
import type { HealthCounts } from '@/lib/endpoints/fleet-overview';
import { defaultFleetQuery, fleetQueryToSearchParams } from '@/lib/endpoints/fleet-query';
import { healthDisplay } from '@/components/ui/health-display';
import { toneClasses } from '@/components/ui/tone';
import { SectionCard } from './section-card';

const listHref = (level: (typeof healthLevels)[number]) =>
  `/endpoints?${fleetQueryToSearchParams({ ...defaultFleetQuery, health: [level] })}`;

/** How many endpoints are at each health level, worst first; each tile opens the list filtered to it. */
export function HealthTiles({ counts }: { counts: HealthCounts }) {
  return (
    <SectionCard id="health-heading" title="Health">
      <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {healthLevels.map((level) => {
          const display = healthDisplay[level];
          const count = counts[level];
          return (
            <li key={level}>
              <Link
                href={listHref(level)}
                data-testid="health-tile"
                data-health={level}
                aria-label={`${display.label}: ${count} ${count === 1 ? 'endpoint' : 'endpoints'}. Show them in the list.`}
                title={display.description}
                className={`block rounded p-3 hover:ring-2 hover:ring-slate-400 ${count > 0 ? toneClasses[display.tone] : 'bg-slate-50 text-slate-700 dark:bg-slate-900 dark:text-slate-300'}`}
              >
                <span data-testid="health-count" className="block text-3xl font-semibold tabular-nums">
                  {count}
                </span>
                <span className="block text-sm font-medium">{display.label}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </SectionCard>
  );
}
