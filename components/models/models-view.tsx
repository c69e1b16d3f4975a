'use client';

import { useDeferredValue, useMemo } from 'react';
import { imageIndex, modelsHiddenIn, searchImageIndex } from '@/lib/endpoints/image-index';
import { Button } from '@/components/ui/button';
import { Callout } from '@/components/ui/callout';
import { EmptyState } from '@/components/ui/empty-state';
import { RefreshFailed } from '@/components/ui/load-state';
import { PageLoading } from '@/components/ui/page-loading';
import { replacesLastRead } from '@/lib/query/api-error';
import { SearchBox } from '@/components/ui/search-box';
import { PlainHeader } from '@/components/ui/sort-header';
import { Table } from '@/components/ui/table';
import { useUrlText } from '@/components/ui/use-url-text';
import { useFleet } from '@/lib/query/use-fleet';
import { ImageGroup } from './image-group';
import { useModelsSearch } from './use-models-search';

/** Which endpoints and variants run which image, as specified and as resolved: "where is version X running?" */
export function ModelsView() {
  const fleet = useFleet();
  const { q, setQ } = useModelsSearch();
  const [text, setText] = useUrlText(q, setQ);
  const search = useDeferredValue(text);
  const items = fleet.data?.items;
  const index = useMemo(() => imageIndex(items ?? []), [items]);
  const entries = useMemo(() => searchImageIndex(index, search), [index, search]);
  const hiddenIn = useMemo(() => modelsHiddenIn(items ?? []), [items]);

  // An outage keeps the last fleet on screen (the live badge says it is stale); a refusal replaces it.
  if (!fleet.data || replacesLastRead(fleet.error)) return <PageLoading title="Models" error={fleet.error} />;
  const placements = entries.reduce((sum, entry) => sum + entry.placements.length, 0);

  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">Models</h1>
      <RefreshFailed subject="the fleet" error={fleet.error} />
      {hiddenIn.length > 0 && (
        <Callout tone="neutral" role="note" data-testid="omitted-notice">
          Model names are not visible to you in {hiddenIn.length === 1 ? 'namespace' : 'namespaces'}{' '}
          {hiddenIn.join(', ')}: they come from EndpointConfigs, which you may not read there. The images and digests
          come from the endpoints themselves.
        </Callout>
      )}
      <p className="text-sm text-slate-700 dark:text-slate-300">
        Every container image the fleet runs or is deploying, as the Model specifies it and the digest SageMaker
        resolved it to, with the endpoints and variants that run it.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <search aria-label="Image search">
          <SearchBox
            label="Search images"
            value={text}
            onChange={setText}
            placeholder="tag, digest, repository or model"
            hint="Every word must appear in the image, one of its digests, or a model that runs it."
            testId="image-search"
          />
        </search>
        <p role="status" data-testid="image-count" className="ml-auto text-sm text-slate-700 dark:text-slate-300">
          {entries.length} of {index.length} {index.length === 1 ? 'image' : 'images'}, {placements}{' '}
          {placements === 1 ? 'placement' : 'placements'}
        </p>
      </div>
      {fleet.data.items.length === 0 ? (
        <EmptyState title="No SageMaker endpoints in the namespaces you may see." testId="models-empty" />
      ) : index.length === 0 ? (
        <EmptyState title="No endpoint reports a deployed image yet." testId="models-empty">
          SageMaker names the images once an endpoint&apos;s fleet is running.
        </EmptyState>
      ) : entries.length === 0 ? (
        <EmptyState title={`No image, digest or model matches “${search.trim()}”.`} testId="models-empty">
          <Button size="sm" onClick={() => setText('')} className="mt-2">
            Clear the search
          </Button>
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-200 dark:border-slate-800">
          <Table
            caption="Container images and where they run, grouped by image as specified"
            className="min-w-[56rem] table-fixed border-collapse"
          >
            <colgroup>
              <col style={{ width: '24%' }} />
              <col style={{ width: '13%' }} />
              <col style={{ width: '12%' }} />
              <col style={{ width: '20%' }} />
              <col style={{ width: '31%' }} />
            </colgroup>
            <thead className="bg-slate-100 dark:bg-slate-900">
              <tr>
                <PlainHeader className="px-2 py-2">Endpoint</PlainHeader>
                <PlainHeader className="px-2 py-2">Variant</PlainHeader>
                <PlainHeader className="px-2 py-2">Fleet</PlainHeader>
                <PlainHeader className="px-2 py-2">Model</PlainHeader>
                <PlainHeader className="px-2 py-2">Resolved to digest</PlainHeader>
              </tr>
            </thead>
            {entries.map((entry) => (
              <ImageGroup key={entry.image} entry={entry} />
            ))}
          </Table>
        </div>
      )}
    </div>
  );
}
