'use client';

import { Button } from '@/components/ui/button';
import { controlClasses, Field } from '@/components/ui/field';
import { presetIds, presets, type PresetId } from '@/lib/rollout/presets';
import type { RolloutDraftHandle } from './use-rollout-draft';
import { Callout } from '@/components/ui/callout';

const LIVE = 'live';

/**
 * Where the draft's policy starts: the endpoint's own, or a preset. Says when a shared link could not be used,
 * and when an earlier draft of this tab is shown instead of a link's preset (nothing is thrown away unasked).
 */
export function StartFrom({ draft }: { draft: RolloutDraftHandle }) {
  const value = draft.form.presetId ?? LIVE;
  const description =
    value === LIVE ? 'The deployment policy and alarms the endpoint has now.' : presets[value].description;
  return (
    <div className="space-y-3">
      {draft.linkError && (
        <Callout as="p" tone="warning" size="xs" role="alert" data-testid="preset-link-error">
          <span className="font-medium">This link&apos;s preset could not be used:</span> {draft.linkError} The draft
          starts from the current config instead.
        </Callout>
      )}
      {draft.linkShadowed && (
        <Callout
          tone="info"
          size="xs"
          role="status"
          data-testid="preset-link-shadowed"
          className="flex flex-wrap items-center gap-2"
        >
          <span>
            This page was opened with a preset link, but your earlier draft from this tab is shown so nothing is lost.
          </span>
          <Button onClick={draft.followLink}>Use the link&apos;s preset instead</Button>
        </Callout>
      )}
      <div className="flex flex-wrap items-end gap-3">
        <Field
          id="rollout-start-from"
          label="Start from"
          hint={`${description} Variants and reason are kept.`}
          className="max-w-xl grow"
        >
          {(control) => (
            <select
              {...control}
              className={controlClasses}
              value={value}
              onChange={(event) => draft.startFrom(event.target.value as typeof LIVE | PresetId)}
            >
              <option value={LIVE}>Current config (the endpoint&apos;s policy)</option>
              {presetIds.map((id) => (
                <option key={id} value={id}>
                  Preset: {presets[id].name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {draft.edited && (
          <Button className="mb-6" onClick={draft.discard}>
            Discard my changes
          </Button>
        )}
      </div>
    </div>
  );
}
