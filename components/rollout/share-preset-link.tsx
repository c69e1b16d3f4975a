'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { controlClasses } from '@/components/ui/field';
import type { RolloutForm } from '@/lib/rollout/draft-from-form';
import { presetLinkFromForm } from '@/lib/rollout/draft-from-preset';
import { presetToSearchParams } from '@/lib/rollout/presets';

type Shared = { url: string; copied: boolean } | { error: string };

/**
 * "Copy link to this preset": the policy as a link that opens this form with it, so a team can share its
 * canary. The link is also shown in a field, for when the clipboard is not available.
 */
export function SharePresetLink({ form }: { form: RolloutForm }) {
  const [shared, setShared] = useState<Shared | undefined>(undefined);
  const copy = async () => {
    const result = presetLinkFromForm(form);
    if ('error' in result) {
      setShared({ error: result.error });
      return;
    }
    const search = presetToSearchParams(result.link.presetId, result.link.params);
    const url = `${window.location.origin}${window.location.pathname}?${search}`;
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setShared({ url, copied });
  };
  return (
    <div className="space-y-2" data-testid="share-preset">
      <Button onClick={() => void copy()}>Copy link to this preset</Button>
      {shared && 'error' in shared && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {shared.error}
        </p>
      )}
      {shared && 'url' in shared && (
        <div className="max-w-3xl space-y-1">
          <p role="status" className="text-sm">
            {shared.copied
              ? 'Link copied to the clipboard. It is also here:'
              : 'The clipboard is not available here; copy the link from this field:'}
          </p>
          <label htmlFor="preset-link" className="block text-sm font-medium">
            Link to this preset
          </label>
          <input
            id="preset-link"
            data-testid="preset-link"
            readOnly
            className={`${controlClasses} font-mono`}
            value={shared.url}
            onFocus={(event) => event.target.select()}
          />
        </div>
      )}
    </div>
  );
}
