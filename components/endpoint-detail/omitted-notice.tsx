import type { OmittedKind } from '@/lib/api/omitted-kinds';
import { Callout } from '@/components/ui/callout';

const shownAs: Record<OmittedKind['kind'], string> = {
  EndpointConfig: 'EndpointConfigs (instance types, models per variant, configs used, rollout history)',
  Model: 'Models (images the spec asks for, model choices)',
  Event: 'Kubernetes events',
};

/**
 * A plain notice naming the kinds the server left out of this view because the caller may not read them, so
 * an empty section reads as "not visible to you" rather than "none". Nothing when nothing was left out.
 */
export function OmittedNotice({ omitted }: { omitted: OmittedKind[] | undefined }) {
  if (!omitted?.length) return null;
  return (
    <Callout tone="neutral" role="note" data-testid="omitted-notice">
      <p className="font-semibold">Some of this is not visible to you.</p>
      <ul className="list-disc pl-5">
        {omitted.map((entry) => (
          <li key={entry.kind} data-kind={entry.kind}>
            {shownAs[entry.kind]}: {entry.reason}
          </li>
        ))}
      </ul>
    </Callout>
  );
}
