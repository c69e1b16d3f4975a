// Buttons of the rollout page. Disabled ones look disabled in both themes and keep AA contrast.
const base =
  'inline-flex items-center rounded px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-700 dark:focus-visible:outline-sky-300 disabled:cursor-not-allowed';

/** The page's main actions (Apply). */
export const primaryButton = `${base} bg-sky-700 text-white hover:bg-sky-800 disabled:bg-slate-200 disabled:text-slate-600 dark:bg-sky-300 dark:text-slate-950 dark:hover:bg-sky-200 dark:disabled:bg-slate-800 dark:disabled:text-slate-300`;

/** Everything else. */
export const secondaryButton = `${base} border border-slate-400 bg-white text-slate-900 hover:bg-slate-100 disabled:bg-slate-100 disabled:text-slate-600 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800 dark:disabled:bg-slate-800 dark:disabled:text-slate-300`;
