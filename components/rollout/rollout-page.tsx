'use client';

import { useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { OmittedNotice } from '@/components/endpoint-detail/omitted-notice';
import { EndpointBreadcrumb } from '@/components/ui/endpoint-breadcrumb';
import { ErrorState, LoadingState, RefreshFailed } from '@/components/ui/load-state';
import { StatusBadge } from '@/components/ui/status-badge';
import { isApiError } from '@/lib/query/api-error';
import { useMe } from '@/lib/query/use-me';
import { useRolloutContext } from '@/lib/query/use-rollout-context';
import { RolloutEditor } from './rollout-editor';
import { Callout } from '@/components/ui/callout';

function Heading({ namespace, name, children }: { namespace: string; name: string; children?: ReactNode }) {
  return (
    <header className="space-y-2">
      <EndpointBreadcrumb namespace={namespace} name={name} linkEndpoint />
      <h1 className="break-all text-2xl font-semibold">Roll out {name}</h1>
      {children}
    </header>
  );
}

/** The rollout page: the form context, then the editor; a refusal or a missing endpoint said in words. */
export function RolloutPage({ namespace, name }: { namespace: string; name: string }) {
  const context = useRolloutContext(namespace, name);
  const me = useMe();
  const search = useSearchParams();
  const status = isApiError(context.error) ? context.error.httpStatus : undefined;

  if (!context.data) {
    if (context.isPending) {
      return (
        <div className="space-y-4">
          <Heading namespace={namespace} name={name} />
          <LoadingState>{`Loading the rollout form of ${namespace}/${name}…`}</LoadingState>
        </div>
      );
    }
    const text =
      status === 404
        ? {
            title: `No endpoint ${name} in namespace ${namespace}.`,
            message: 'It may have been deleted, or the name may be mistyped.',
          }
        : status === 403
          ? {
              title: `You may not read namespace ${namespace}.`,
              message: 'Ask a cluster administrator for the fleetdeck-viewer role there.',
            }
          : {
              title: `Could not load the rollout form of ${namespace}/${name}.`,
              message: context.error?.message ?? '',
            };
    return (
      <div className="space-y-4">
        <Heading namespace={namespace} name={name} />
        <ErrorState title={text.title} message={text.message} />
      </div>
    );
  }

  const { data } = context;
  return (
    <div className="space-y-4">
      <Heading namespace={namespace} name={name}>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          <span
            data-testid="endpoint-status"
            data-status={data.summary.status ?? ''}
            className="flex items-center gap-1"
          >
            <span className="text-slate-600 dark:text-slate-300">Status</span>{' '}
            <StatusBadge status={data.summary.status} />
          </span>
          <span>
            <span className="text-slate-600 dark:text-slate-300">Live config</span>{' '}
            <span className="font-mono">{data.context.liveConfigName}</span>
          </span>
          <span>
            <span className="text-slate-600 dark:text-slate-300">Generation</span>{' '}
            {data.endpoint.metadata.generation ?? '—'}
          </span>
        </div>
      </Heading>
      {status === 404 && (
        <Callout as="p" tone="error" size="sm" role="alert" data-testid="endpoint-deleted">
          The endpoint {namespace}/{name} no longer exists: it was deleted after this form loaded. Your draft is kept in
          this tab.
        </Callout>
      )}
      <RefreshFailed subject="the rollout form" error={status === 404 ? null : context.error} />
      <OmittedNotice omitted={data.omitted} />
      <RolloutEditor
        key={`${namespace}/${name}`}
        namespace={namespace}
        name={name}
        data={data}
        me={me}
        deleted={status === 404}
        search={search}
      />
    </div>
  );
}
