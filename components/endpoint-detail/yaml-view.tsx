'use client';

import { useMemo } from 'react';
import { stringify } from 'yaml';
import type { EndpointDetail } from '@/lib/api/endpoint-detail';
import { sanitizeObject } from '@/lib/endpoints/sanitize-object';
import { TitledSection } from '@/components/ui/titled-section';

interface Shown {
  kind: string;
  name: string;
  yaml: string;
}

const toYaml = (object: unknown) => stringify(sanitizeObject(object), { lineWidth: 0 });

/**
 * The Endpoint, its EndpointConfigs and Models as YAML, read-only and sanitized (no managedFields, no
 * last-applied annotation, nothing that looks like a credential, container environments by name only); always
 * rendered as text.
 */
export function YamlView({
  endpoint,
  config,
  pendingConfig,
  models,
}: Pick<EndpointDetail, 'endpoint' | 'config' | 'pendingConfig' | 'models'>) {
  const shown = useMemo<Shown[]>(() => {
    const configs = [config, pendingConfig].filter(
      (each, index, all): each is NonNullable<typeof each> =>
        each !== null && all.findIndex((other) => other?.metadata.name === each.metadata.name) === index,
    );
    return [
      { kind: 'Endpoint', name: endpoint.metadata.name, yaml: toYaml(endpoint) },
      ...configs.map((each) => ({ kind: 'EndpointConfig', name: each.metadata.name, yaml: toYaml(each) })),
      ...models.map((model) => ({ kind: 'Model', name: model.metadata.name, yaml: toYaml(model) })),
    ];
  }, [endpoint, config, pendingConfig, models]);
  return (
    <TitledSection id="yaml-heading" title="Objects as YAML (read-only)" testId="yaml-view">
      <p className="mb-2 text-sm text-slate-600 dark:text-slate-300">
        As Fleetdeck read them from Kubernetes, without managedFields, the last-applied annotation, and anything that
        looks like a credential. Container environment values read (redacted): only their names are shown.
      </p>
      <div className="space-y-2">
        {shown.map((object, index) => (
          <details
            key={`${object.kind}/${object.name}`}
            open={index === 0}
            data-testid="yaml-object"
            data-kind={object.kind}
            data-name={object.name}
            className="rounded border border-slate-200 dark:border-slate-800"
          >
            <summary className="cursor-pointer px-3 py-2 font-medium">
              {object.kind} <span className="font-mono">{object.name}</span>
            </summary>
            <pre
              tabIndex={0}
              className="max-h-96 overflow-auto border-t border-slate-200 bg-slate-50 p-3 text-xs text-slate-900 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-100"
            >
              {object.yaml}
            </pre>
          </details>
        ))}
      </div>
    </TitledSection>
  );
}
