'use client';

import { useEffect, useId, useRef, type KeyboardEvent } from 'react';

export interface MultiSelectOption {
  value: string;
  label: string;
  /** How many items carry this value, shown beside the label. */
  count?: number;
}

/**
 * A filter that takes several values: a disclosure (native <details>, so keyboard and screen readers know it)
 * holding a group of checkboxes. Escape closes it and returns focus to its button.
 */
export function MultiSelect({
  label,
  options,
  selected,
  onChange,
  testId,
}: {
  label: string;
  options: MultiSelectOption[];
  selected: readonly string[];
  onChange: (next: string[]) => void;
  testId?: string;
}) {
  const id = useId();
  const details = useRef<HTMLDetailsElement>(null);
  // A click anywhere else closes the list, as a select's would.
  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      const element = details.current;
      if (element?.open && !element.contains(event.target as Node)) element.open = false;
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, []);
  const toggle = (value: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(value);
    else next.delete(value);
    // Option order, not click order, so one view has one URL.
    const known = options.map((option) => option.value);
    onChange([...known.filter((each) => next.has(each)), ...[...next].filter((each) => !known.includes(each))]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !details.current?.open) return;
    details.current.open = false;
    details.current.querySelector('summary')?.focus();
  };
  const summary =
    selected.length === 0
      ? 'all'
      : selected.length === 1
        ? (options.find((option) => option.value === selected[0])?.label ?? selected[0])
        : `${selected.length} selected`;
  return (
    <details ref={details} onKeyDown={onKeyDown} data-testid={testId} className="relative">
      <summary className="flex cursor-pointer list-none items-center [&::-webkit-details-marker]:hidden gap-1 rounded border border-slate-400 bg-white px-2 py-1 text-sm dark:border-slate-500 dark:bg-slate-900">
        <span className="font-medium">{label}:</span> <span>{summary}</span>
        <span aria-hidden="true">▾</span>
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-80 min-w-56 overflow-auto rounded border border-slate-300 bg-white p-2 shadow-lg dark:border-slate-600 dark:bg-slate-900">
        <legend className="sr-only">{label}</legend>
        {options.length === 0 && (
          <p className="px-1 text-sm text-slate-600 dark:text-slate-300">No values to choose from.</p>
        )}
        {options.map((option, index) => (
          <label
            key={option.value}
            htmlFor={`${id}-${index}`}
            className="flex items-center gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
          >
            <input
              id={`${id}-${index}`}
              type="checkbox"
              checked={selected.includes(option.value)}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            <span>{option.label}</span>
            {option.count !== undefined && (
              <span className="ml-auto pl-3 tabular-nums text-slate-600 dark:text-slate-300">{option.count}</span>
            )}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
