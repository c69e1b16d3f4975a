'use client';

import { useSearchParams } from 'next/navigation';
import { useCallback } from 'react';
import { currentSearch, replaceSearch } from '@/components/ui/replace-search';

const MAX_Q = 200;

/** The models page's search as the URL holds it (`?q=`), and a setter that replaces it (no history entry). */
export function useModelsSearch(): { q: string; setQ: (q: string) => void } {
  const q = (useSearchParams().get('q') ?? '').trim().slice(0, MAX_Q);
  const setQ = useCallback((next: string) => {
    const params = currentSearch();
    if (next.trim()) params.set('q', next.trim());
    else params.delete('q');
    replaceSearch(params);
  }, []);
  return { q, setQ };
}
