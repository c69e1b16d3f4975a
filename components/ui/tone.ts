import type { Tone } from '@/lib/format/tone';

/** Colour classes per tone; a tone never carries meaning alone, a label always goes with it. */
export const toneClasses: Record<Tone, string> = {
  ok: 'bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100',
  progress: 'bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100',
  warning: 'bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100',
  error: 'bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100',
  neutral: 'bg-slate-100 text-slate-900 dark:bg-slate-800 dark:text-slate-100',
};
