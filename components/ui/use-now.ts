'use client';

import { useSyncExternalStore } from 'react';

// One clock for every relative time on the page: a shared store that ticks while anything listens, so each
// <RelativeTime> re-renders on its own and the tables around it do not. Ticks fall on a fixed 15 s grid of
// wall-clock time, so two tabs (or a page and a fresh load of it) read the same "now" and say the same "3 min ago".
const TICK_MS = 15_000;

const onGrid = () => Math.floor(Date.now() / TICK_MS) * TICK_MS;

const listeners = new Set<() => void>();
let current = onGrid();
let timer: ReturnType<typeof setTimeout> | undefined;

function tick() {
  const next = onGrid();
  if (next !== current) {
    current = next;
    for (const listener of listeners) listener();
  }
}

// setTimeout to the next grid line each time, so timer drift never accumulates.
function schedule() {
  timer = setTimeout(
    () => {
      tick();
      schedule();
    },
    TICK_MS - (Date.now() % TICK_MS) + 5,
  );
}

function onVisible() {
  if (document.visibilityState === 'visible') tick();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    // The first listener after a quiet spell must not see the time the module was loaded.
    current = onGrid();
    schedule();
    document.addEventListener('visibilitychange', onVisible);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearTimeout(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', onVisible);
    }
  };
}

const getSnapshot = () => current;
const getServerSnapshot = onGrid;

/** The current time in milliseconds, on a 15 s grid: it changes every 15 s (and when the tab becomes visible again). */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}
