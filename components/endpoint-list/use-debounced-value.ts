'use client';

import { useEffect, useState } from 'react';

/** `value` once it has stayed the same for `ms` (compared with Object.is: pass a string or a stable object). */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
