'use client';

import { useEffect, useState } from 'react';

/**
 * Text typed into a search box that lives in the URL: the box answers at once (use the returned text to
 * filter), and the URL follows after `delayMs` of quiet, so typing does not navigate on every key. A change
 * of the URL that this box did not make (a link, the nav) replaces the text.
 */
export function useUrlText(
  urlValue: string,
  commit: (text: string) => void,
  delayMs = 300,
): [string, (text: string) => void] {
  const [text, setText] = useState(urlValue);
  const [seen, setSeen] = useState(urlValue);
  const [pushed, setPushed] = useState<string | undefined>(undefined);
  if (urlValue !== seen) {
    setSeen(urlValue);
    if (urlValue !== pushed) {
      setText(urlValue);
      setPushed(undefined);
    }
  }
  useEffect(() => {
    const wanted = text.trim();
    if (wanted === urlValue) return;
    const timer = setTimeout(() => {
      setPushed(wanted);
      commit(wanted);
    }, delayMs);
    return () => clearTimeout(timer);
  }, [text, urlValue, commit, delayMs]);
  return [text, setText];
}
