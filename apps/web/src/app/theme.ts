import {
  createTheme,
  defaultVariantColorsResolver,
  parseThemeColor,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type VariantColorsResolver,
} from '@mantine/core';

/** The header's height in pixels: the shell's, and (as --majlis-header-height) where toasts start. */
export const HEADER_HEIGHT = 56;

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

// A dark orange for "at risk", "deferred" and warnings: Mantine's orange.9 fails contrast on white.
const rust: MantineColorsTuple = [
  '#fff1e9',
  '#fcdccb',
  '#f5b797',
  '#ee9060',
  '#e86f33',
  '#e45a17',
  '#e34f07',
  '#c94100',
  '#b33800',
  '#9c2e00',
];

// Light, subtle and outline variants draw text in a pale shade that fails axe's contrast rule: use the
// darkest shade of the same colour for their text (and outline).
const variantColorResolver: VariantColorsResolver = (input) => {
  const colors = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle' && input.variant !== 'outline') return colors;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  if (!parsed.isThemeColor) return colors;
  const text = `var(--mantine-color-${parsed.color}-9)`;
  if (input.variant === 'light') {
    return {
      ...colors,
      background: `var(--mantine-color-${parsed.color}-light)`,
      hover: `var(--mantine-color-${parsed.color}-light-hover)`,
      color: text,
    };
  }
  return { ...colors, color: text, ...(input.variant === 'outline' ? { border: `1px solid ${text}` } : {}) };
};

export const theme = createTheme({
  variantColorResolver,
  colors: { majlis, rust },
  primaryColor: 'majlis',
  primaryShade: { light: 8, dark: 6 },
  fontFamily: "'Noto Sans Arabic Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
  headings: { fontFamily: "'Noto Sans Arabic Variable', system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" },
  defaultRadius: 'md',
});

// Mantine's dimmed grey fails axe's contrast rule on white; gray.7 passes.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: { '--majlis-header-height': `${HEADER_HEIGHT}px` },
  light: { '--mantine-color-dimmed': '#495057' },
  dark: {},
});
