'use client';

import Link from 'next/link';
import { useId } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { endpointHref } from '@/components/ui/endpoint-link';
import { gateRollout } from '@/lib/rollout/gating';
import { mayRollOut, useMe } from '@/lib/query/use-me';

/** The rollout page of an endpoint. */
export const rolloutHref = (namespace: string, name: string) => `${endpointHref(namespace, name)}/rollout`;

type Gate = { allowed: true } | { allowed: false; reason: string };

/** Whether the caller may roll out here now: rights first (a hint; the API server decides), then the endpoint's state. */
export function useRolloutGate(namespace: string, endpointStatus: string | undefined): Gate {
  const me = useMe();
  if (me.isPending) return { allowed: false, reason: 'Checking your rights in this namespace…' };
  if (!mayRollOut(me.data, namespace))
    return { allowed: false, reason: `You have read-only access to namespace ${namespace}.` };
  return gateRollout({ endpointStatus });
}

/**
 * "Roll out a new config": a link to the rollout page when the caller may roll out and the endpoint can take an
 * update (lib/rollout/gating.ts), else a disabled button that says why, visibly and to assistive technology.
 */
export function RolloutAction({
  namespace,
  name,
  endpointStatus,
}: {
  namespace: string;
  name: string;
  endpointStatus: string | undefined;
}) {
  const gate = useRolloutGate(namespace, endpointStatus);
  const reasonId = useId();
  if (gate.allowed) {
    return (
      <div data-testid="rollout-action" data-enabled="true">
        <Link href={rolloutHref(namespace, name)} className={buttonClasses('primary')}>
          Roll out a new config
        </Link>
      </div>
    );
  }
  return (
    <div data-testid="rollout-action" data-enabled="false" className="max-w-md">
      <Button variant="primary" disabled aria-describedby={reasonId}>
        Roll out a new config
      </Button>
      <p
        id={reasonId}
        data-testid="rollout-disabled-reason"
        className="mt-1 text-sm text-slate-600 dark:text-slate-300"
      >
        {gate.reason}
      </p>
    </div>
  );
}
