import { type CSSProperties, type ReactNode, useId, useState } from 'react';
import { tokens } from '../../tailwind.config';

/** A few overrides of the kit's tokens, as an app would write them in its CSS. */
const themes: Record<string, Record<string, string>> = {
  'The kit’s defaults': {},
  Forest: {
    '--csk-primary': 'oklch(0.45 0.12 150)',
    '--csk-ring': 'oklch(0.45 0.12 150)',
    '--csk-card': 'oklch(0.98 0.01 150)',
    '--csk-border': 'oklch(0.85 0.04 150)',
  },
  'Square and plain': {
    '--csk-radius': '0',
    '--csk-primary': 'oklch(0.2 0 0)',
    '--csk-muted': 'oklch(0.95 0 0)',
  },
};

/**
 * The Introduction page's live theming: pick a set of token overrides, see the CSS that sets them and the
 * component (a story, so it runs under the mock Clerk like every story) restyled by them.
 */
export function ThemeTokens({ children }: { children: ReactNode }) {
  const [name, setName] = useState(Object.keys(themes)[0] ?? '');
  const overrides = themes[name] ?? {};
  const group = useId();
  const css = Object.keys(overrides).length
    ? `:root {\n${Object.entries(overrides)
        .map(([token, value]) => `  ${token}: ${value};`)
        .join('\n')}\n}`
    : '/* nothing to override */';
  return (
    <div>
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 1rem', display: 'flex', gap: '1rem', flexWrap: 'wrap' }}>
        <legend style={{ fontWeight: 600, marginBottom: '0.5rem' }}>Theme</legend>
        {Object.keys(themes).map((theme) => (
          <label key={theme} style={{ display: 'inline-flex', gap: '0.375rem', alignItems: 'center' }}>
            <input type="radio" name={group} checked={theme === name} onChange={() => setName(theme)} />
            {theme}
          </label>
        ))}
      </fieldset>
      <pre>
        <code>{css}</code>
      </pre>
      <div style={overrides as CSSProperties}>{children}</div>
    </div>
  );
}

/** Every token as a CSS custom property, with its light and dark value and a swatch of the value in use. */
export function TokenTable() {
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">Custom property</th>
          <th scope="col">
            Light (<code>:root</code>)
          </th>
          <th scope="col">
            Dark (<code>.dark</code>, <code>[data-theme="dark"]</code>)
          </th>
          <th scope="col">In use</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(tokens.light).map(([token, light]) => (
          <tr key={token}>
            <td>
              <code>--csk-{token}</code>
            </td>
            <td>
              <code>{light}</code>
            </td>
            <td>
              <code>{tokens.dark[token as keyof typeof tokens.dark]}</code>
            </td>
            <td>
              <span
                aria-hidden="true"
                style={{
                  display: 'inline-block',
                  width: 32,
                  height: 20,
                  // The radius shows as a corner, every other token as a colour.
                  ...(token === 'radius'
                    ? { border: '2px solid', borderRadius: 'var(--csk-radius)' }
                    : { border: '1px solid oklch(0.8 0 0)', background: `var(--csk-${token})` }),
                }}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
