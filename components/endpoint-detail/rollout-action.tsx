'use client';

import Link from 'next/link';
import { useId } from 'react';
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
  if (!mayRollOut(me.data, namespace)) return { allowed: false, reason: `You have read-only access to namespace ${namespace}.` };
  return gateRollout({ endpointStatus });
}

/**
 * "Roll out a new config": a link to the rollout page when the caller may roll out and the endpoint can take an
 * update (lib/rollout/gating.ts), else a disabled button that says why, visibly and to assistive technology.
 */
export function RolloutAction({ namespace, name, endpointStatus }: { namespace: string; name: string; endpointStatus: string | undefined }) {
  const gate = useRolloutGate(namespace, endpointStatus);
  const reasonId = useId();
  const classes = 'inline-block rounded px-3 py-1.5 text-sm font-medium';
  if (gate.allowed) {
    return (
      <div data-testid="rollout-action" data-enabled="true">
        <Link href={rolloutHref(namespace, name)} className={`${classes} bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200`}>
          Roll out a new config
        </Link>
      </div>
    );
  }
  return (
    <div data-testid="rollout-action" data-enabled="false" className="max-w-md">
      <button type="button" disabled aria-describedby={reasonId} className={`${classes} cursor-not-allowed border border-slate-300 bg-slate-100 text-slate-600 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-300`}>
        Roll out a new config
      </button>
      <p id={reasonId} data-testid="rollout-disabled-reason" className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {gate.reason}
      </p>
    </div>
  );
}
