import type { Messages } from './types';

/**
 * Whether an accessible name contains a control's visible label (WCAG 2.5.3, label in name), ignoring case in
 * `locale`: e.g. "Sign out of Ada Lovelace" contains "Sign out".
 */
export function labelIsInName(name: string, label: string, locale: string): boolean {
  return name.toLocaleLowerCase(locale).includes(label.toLocaleLowerCase(locale));
}

/**
 * Where a catalogue breaks "label in name" (WCAG 2.5.3): a control's accessible name, built from one message,
 * that does not contain the control's visible text, built from another. One sentence per problem; none for the
 * kit's own catalogues. Checked on sample values, as the messages are functions.
 */
export function labelInNameProblems(messages: Messages): string[] {
  const name = 'Ada Lovelace';
  const identifier = 'ada@example.com';
  const problems: string[] = [];
  const check = (key: string, full: string, short: string, consequence: string) => {
    if (!labelIsInName(full, short, messages.locale))
      problems.push(`${key} gives "${full}", which does not contain "${short}": ${consequence}.`);
  };
  check(
    `switcher.signOutOf("${name}")`,
    messages.switcher.signOutOf(name),
    messages.signOut,
    `SessionSwitcher shows an icon instead of the "${messages.signOut}" label (signOut) on every account`,
  );
  check(
    `switcher.switchTo("${name}", "${identifier}")`,
    messages.switcher.switchTo(name, identifier),
    name,
    "the name a screen reader gives an account's switch button lacks the name it shows",
  );
  check(
    `switcher.trigger("${name}")`,
    messages.switcher.trigger(name),
    name,
    "the name a screen reader gives the switcher's trigger lacks the name it shows",
  );
  return problems;
}
