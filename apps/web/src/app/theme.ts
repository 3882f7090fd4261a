import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

// A deep green; shade 8 on white passes WCAG AA contrast, which Mantine's default blue does not.
const majlis: MantineColorsTuple = [
  '#e7f6f0',
  '#d0eadf',
  '#a2d3bf',
  '#70bb9d',
  '#47a781',
  '#2e9a6f',
  '#1d9366',
  '#0c7f55',
  '#00704b',
  '#005f3e',
];

export const theme = createTheme({
  colors: { majlis },
  primaryColor: 'majlis',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: "'Noto Sans Arabic Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontFamily: "'Noto Sans Arabic Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
  defaultRadius: 'md',
});

// Mantine's dimmed grey fails axe's contrast rule on white; gray.7 passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': '#495057' },
  dark: {},
});
