'use client';

import { Button } from '@/components/ui/button';
import { diffValues } from '@/lib/rollout/diff';
import type { RolloutDraft } from '@/lib/schemas/rollout-request';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig } from '@/lib/schemas/endpoint-config';
import { DiffTable } from './diff-table';
import { DiffView } from './diff-view';
import type { DraftBase } from './draft-storage';
import { draftDiff } from './preview';

/** The Endpoint as it is now, and the config it runs, after its spec moved past the draft's base. */
export interface LiveNow {
  endpoint: Endpoint;
  liveConfig: EndpointConfig | null;
}

interface ConflictPanelProps {
  message: string;
  base: DraftBase;
  current: LiveNow;
  draft: RolloutDraft;
  knownConfigs: EndpointConfig[];
  configName: string;
  onRebase: () => void;
}

/**
 * The draft is based on a version of the endpoint that is no longer the live one (a 409, or seen on the
 * stream). Nothing is lost: it shows what changed in the live spec, the draft against the new version, and
 * re-bases the draft in one step, keeping every edit.
 */
export function ConflictPanel({
  message,
  base,
  current,
  draft,
  knownConfigs,
  configName,
  onRebase,
}: ConflictPanelProps) {
  const generation = current.endpoint.metadata.generation;
  return (
    <section
      aria-labelledby="conflict-title"
      data-testid="conflict-panel"
      className="space-y-4 rounded border-2 border-amber-500 bg-amber-50 p-4 text-slate-950 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="conflict-title" className="text-lg font-semibold">
        The endpoint changed since this draft was made
      </h2>
      <p role="alert">
        {message} Your draft is kept. Review what changed, then re-base it on the new version (generation{' '}
        {generation ?? 'unknown'}) and submit again.
      </p>
      <div className="space-y-3">
        <h3 className="font-medium">What changed in the live version</h3>
        <DiffTable
          caption={`Endpoint spec, generation ${base.generation} → ${generation ?? 'unknown'}`}
          entries={diffValues(base.endpointSpec, current.endpoint.spec)}
          testId="conflict-live-endpoint"
        />
        <DiffTable
          caption="Live EndpointConfig"
          entries={diffValues(base.liveConfigSpec ?? {}, current.liveConfig?.spec ?? {})}
          testId="conflict-live-config"
        />
      </div>
      <div className="space-y-3">
        <h3 className="font-medium">Your draft against the new version</h3>
        <DiffView
          diff={draftDiff(
            draft,
            current.endpoint,
            current.liveConfig,
            [...knownConfigs, ...(current.liveConfig ? [current.liveConfig] : [])],
            configName,
          )}
          configName={configName}
          testIdPrefix="conflict-draft"
          liveConfigName={current.liveConfig?.spec.endpointConfigName ?? current.endpoint.spec.endpointConfigName}
        />
      </div>
      <Button variant="primary" onClick={onRebase}>
        Re-base my draft on the new version
      </Button>
    </section>
  );
}
