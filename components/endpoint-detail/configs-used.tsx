import type { EndpointSummary } from '@/lib/api/endpoint-summary';
import { TitledSection } from '@/components/ui/titled-section';

interface ConfigEntry {
  name: string;
  roles: string[];
}

// What each config is to this endpoint now. The config a deployment replaces is not named by SageMaker, so
// only the running config of an endpoint at rest (or the one a rollback kept) is called running.
function configEntries(summary: EndpointSummary, configsUsed: string[]): ConfigEntry[] {
  const roles = new Map<string, string[]>();
  const add = (name: string | undefined, role?: string) => {
    if (!name) return;
    const list = roles.get(name) ?? [];
    if (role && !list.includes(role)) list.push(role);
    roles.set(name, list);
  };
  const rolledBack = summary.health.rolledBack;
  add(summary.configName, 'the spec names it');
  if (summary.deployment?.configName) add(summary.deployment.configName, 'being deployed');
  if (rolledBack) {
    add(rolledBack.failedConfigName, 'rolled back');
    add(rolledBack.liveConfigName, 'running');
  } else if (!summary.deployment && summary.status === 'InService' && !summary.heldBack) {
    add(summary.configName, 'running');
  }
  for (const name of configsUsed) add(name);
  return [...roles.entries()].map(([name, list]) => ({ name, roles: list }));
}

/** The EndpointConfigs this endpoint has used: the one its spec names, the one deployed, and those rollouts made for it. */
export function ConfigsUsed({ summary, configsUsed }: { summary: EndpointSummary; configsUsed: string[] }) {
  const entries = configEntries(summary, configsUsed);
  return (
    <TitledSection id="configs-heading" title="Configs this endpoint has used" testId="configs-used">
      <ul className="space-y-1">
        {entries.map((entry) => (
          <li
            key={entry.name}
            data-testid="config-used"
            data-config={entry.name}
            className="flex flex-wrap items-center gap-2"
          >
            <span className="break-all font-mono">{entry.name}</span>
            {entry.roles.map((role) => (
              <span
                key={role}
                className="rounded bg-slate-100 px-1.5 text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-200"
              >
                {role}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        Configs created by Fleetdeck rollouts carry the label fleetdeck.io/endpoint={summary.name}.
      </p>
    </TitledSection>
  );
}
