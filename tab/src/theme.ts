import {
  makeStaticStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  type Theme,
} from '@fluentui/react-components';

export type ThemeName = 'light' | 'dark' | 'contrast';

export const THEMES: Record<ThemeName, Theme> = {
  light: teamsLightTheme,
  dark: teamsDarkTheme,
  contrast: teamsHighContrastTheme,
};

/** Teams names its themes default, dark and contrast. */
export const fromTeamsTheme = (theme: 'default' | 'dark' | 'contrast'): ThemeName =>
  theme === 'default' ? 'light' : theme;

/** The page itself: no browser margin around the tab (Teams frames it already). */
export const usePageStyles = makeStaticStyles({ body: { margin: 0 } });
