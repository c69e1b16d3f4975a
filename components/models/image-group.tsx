'use client';

import { useState } from 'react';
import { notVisibleToYou } from '@/lib/api/omitted-kinds';
import { type ImageIndexEntry, splitImage } from '@/lib/endpoints/image-index';
import { Button } from '@/components/ui/button';
import { EndpointLink } from '@/components/ui/endpoint-link';

const COLLAPSED_LIMIT = 25;
const fleetLabel = { current: 'Running', new: 'Being deployed' } as const;

// The digest alone when the resolved image is the specified repository pinned to it, which is the usual case;
// the whole reference otherwise, so a different repository is never hidden.
function resolvedText(resolved: string | undefined, repository: string): string {
  if (!resolved) return 'not reported';
  const parts = splitImage(resolved);
  return parts.digest && parts.repository === repository ? parts.digest : resolved;
}

/** One image as a row group: the image as specified, its digests, then every endpoint variant that runs it. */
export function ImageGroup({ entry }: { entry: ImageIndexEntry }) {
  const [expanded, setExpanded] = useState(false);
  const endpoints = new Set(entry.placements.map((placement) => `${placement.namespace}/${placement.endpoint}`)).size;
  const shown = expanded ? entry.placements : entry.placements.slice(0, COLLAPSED_LIMIT);
  const hidden = entry.placements.length - shown.length;
  return (
    <tbody
      data-testid="image-group"
      data-image={entry.image}
      className="border-t-2 border-slate-300 dark:border-slate-700"
    >
      <tr className="bg-slate-50 dark:bg-slate-900">
        <th scope="rowgroup" colSpan={5} className="px-2 py-2 text-left font-normal">
          <span className="block break-all font-mono text-sm font-semibold">{entry.image}</span>
          <span className="mt-1 flex flex-wrap gap-x-4 text-xs text-slate-700 dark:text-slate-300">
            {entry.tag && (
              <span>
                Tag <span className="font-mono">{entry.tag}</span>
              </span>
            )}
            {entry.digest && (
              <span>
                Pinned <span className="break-all font-mono">{entry.digest}</span>
              </span>
            )}
            <span>
              {endpoints} {endpoints === 1 ? 'endpoint' : 'endpoints'}, {entry.placements.length}{' '}
              {entry.placements.length === 1 ? 'variant' : 'variants'}
            </span>
            <span data-testid="image-digest-count">
              {entry.resolvedImages.length === 0
                ? 'no digest reported'
                : entry.resolvedImages.length === 1
                  ? 'one digest'
                  : `${entry.resolvedImages.length} different digests`}
            </span>
          </span>
        </th>
      </tr>
      {shown.map((placement) => (
        <tr
          key={`${placement.namespace}/${placement.endpoint}/${placement.variant}/${placement.fleet}`}
          data-testid="image-placement"
          className="border-b border-slate-200 align-top dark:border-slate-800"
        >
          <td className="px-2 py-1.5 break-words">
            <EndpointLink namespace={placement.namespace} name={placement.endpoint} />
          </td>
          <td className="px-2 py-1.5 break-words">{placement.variant}</td>
          <td className="px-2 py-1.5">{fleetLabel[placement.fleet]}</td>
          <td className="px-2 py-1.5 break-words font-mono text-xs" data-testid="placement-model">
            {placement.modelName ??
              (placement.modelHidden ? <span className="font-sans italic">{notVisibleToYou}</span> : '—')}
          </td>
          <td className="px-2 py-1.5 break-all font-mono text-xs" title={placement.resolvedImage}>
            {resolvedText(placement.resolvedImage, entry.repository)}
          </td>
        </tr>
      ))}
      {hidden > 0 && (
        <tr>
          <td colSpan={5} className="px-2 py-1.5">
            <Button variant="link" size="sm" onClick={() => setExpanded(true)}>
              Show all {entry.placements.length} placements of this image
            </Button>
          </td>
        </tr>
      )}
    </tbody>
  );
}
