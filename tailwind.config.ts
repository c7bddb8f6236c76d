import type { Config } from 'tailwindcss';
import plugin from 'tailwindcss/plugin';

/**
 * The kit's design tokens, light and dark. They become CSS variables named `--csk-<token>` on `:root` (light)
 * and on `.dark` / `[data-theme="dark"]` (dark); override any of them in your own CSS to theme the kit.
 */
export const tokens = {
  light: {
    background: 'oklch(1 0 0)',
    foreground: 'oklch(0.21 0.01 265)',
    card: 'oklch(1 0 0)',
    'card-foreground': 'oklch(0.21 0.01 265)',
    muted: 'oklch(0.965 0.003 265)',
    'muted-foreground': 'oklch(0.45 0.02 265)',
    border: 'oklch(0.9 0.005 265)',
    ring: 'oklch(0.5 0.2 265)',
    primary: 'oklch(0.47 0.2 265)',
    'primary-foreground': 'oklch(0.99 0 0)',
    danger: 'oklch(0.5 0.19 27)',
    'danger-foreground': 'oklch(0.99 0 0)',
    'danger-muted': 'oklch(0.96 0.03 27)',
    success: 'oklch(0.45 0.12 150)',
    warning: 'oklch(0.48 0.11 70)',
    'warning-muted': 'oklch(0.97 0.04 85)',
    overlay: 'oklch(0.2 0.01 265 / 0.5)',
    radius: '0.625rem',
  },
  dark: {
    background: 'oklch(0.18 0.01 265)',
    foreground: 'oklch(0.96 0.005 265)',
    card: 'oklch(0.22 0.012 265)',
    'card-foreground': 'oklch(0.96 0.005 265)',
    muted: 'oklch(0.28 0.012 265)',
    'muted-foreground': 'oklch(0.76 0.015 265)',
    border: 'oklch(0.36 0.014 265)',
    ring: 'oklch(0.72 0.15 265)',
    primary: 'oklch(0.72 0.14 265)',
    'primary-foreground': 'oklch(0.16 0.02 265)',
    danger: 'oklch(0.72 0.16 25)',
    'danger-foreground': 'oklch(0.16 0.02 25)',
    'danger-muted': 'oklch(0.3 0.06 25)',
    success: 'oklch(0.78 0.13 150)',
    warning: 'oklch(0.82 0.12 85)',
    'warning-muted': 'oklch(0.32 0.05 85)',
    overlay: 'oklch(0 0 0 / 0.6)',
    radius: '0.625rem',
  },
} as const;

type TokenName = keyof (typeof tokens)['light'];

const toVariables = (values: Record<TokenName, string>) =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [`--csk-${name}`, value]));

const colorNames = Object.keys(tokens.light).filter((name) => name !== 'radius') as TokenName[];

export default {
  content: [],
  theme: {
    extend: {
      colors: Object.fromEntries(colorNames.map((name) => [name, `var(--csk-${name})`])),
      borderRadius: { kit: 'var(--csk-radius)' },
      fontFamily: { kit: 'var(--csk-font, inherit)' },
    },
  },
  plugins: [
    plugin(({ addBase }) => {
      addBase({
        ':where(:root)': toVariables(tokens.light),
        ':where(.dark, [data-theme="dark"])': { ...toVariables(tokens.dark), colorScheme: 'dark' },
      });
    }),
  ],
} satisfies Config;
