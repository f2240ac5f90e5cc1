/** What `--theme auto` means: a light theme and its dark counterpart, for pages in either scheme. */
export const AUTO_THEME = 'auto';
export const AUTO_PAIR = { light: 'github-light', dark: 'github-dark' } as const;

/**
 * The light and dark theme specs a render uses. `auto` as the theme picks the pair (a dark theme
 * given as well replaces the pair's dark one); otherwise the theme stands, with the dark theme if any.
 */
export function themePair(theme: string | undefined, darkTheme: string | undefined): { light: string | undefined; dark: string | undefined } {
  if (theme?.trim().toLowerCase() === AUTO_THEME) return { light: AUTO_PAIR.light, dark: darkTheme ?? AUTO_PAIR.dark };
  return { light: theme, dark: darkTheme };
}
