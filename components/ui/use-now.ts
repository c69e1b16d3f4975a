'use client';

import { useSyncExternalStore } from 'react';

// One clock for every relative time on the page: a shared store that ticks while anything listens, so each
// <RelativeTime> re-renders on its own and the tables around it do not.
const TICK_MS = 15_000;

const listeners = new Set<() => void>();
let current = Date.now();
let timer: ReturnType<typeof setInterval> | undefined;

function tick() {
  current = Date.now();
  for (const listener of listeners) listener();
}

function onVisible() {
  if (document.visibilityState === 'visible') tick();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    // The first listener after a quiet spell must not see the time the module was loaded.
    current = Date.now();
    timer = setInterval(tick, TICK_MS);
    document.addEventListener('visibilitychange', onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisible);
    }
  };
}

const getSnapshot = () => current;
// Stable within a tick, so the server render and hydration agree closely enough for text marked as such.
const getServerSnapshot = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

/** The current time in milliseconds, updated every 15 s (and when the tab becomes visible again). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
