'use client';

import { useEffect, useState } from 'react';

/**
 * The time in milliseconds, updated every second while the caller is mounted: for the deployment stepper's
 * elapsed time and bake countdown. The page's other times use the shared 15 s clock (components/ui/use-now.ts).
 */
export function useSecondClock(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
