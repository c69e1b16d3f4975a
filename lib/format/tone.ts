/** How a status is coloured, by meaning; a tone never carries meaning alone, a label always goes with it. */
export type Tone = 'ok' | 'progress' | 'warning' | 'error' | 'neutral';
