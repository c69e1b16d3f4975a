/** The colour scheme a person chose; 'system' follows the operating system. Kept in a cookie, not secret. */
export const themes = ['system', 'light', 'dark'] as const;
export type Theme = (typeof themes)[number];
export const THEME_COOKIE = 'fleetdeck-theme';

/** The theme a cookie value names, or 'system' for anything else. */
export const parseTheme = (value: string | undefined): Theme =>
  (themes as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';
