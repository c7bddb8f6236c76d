import { useCallback, useEffect, useRef, useState } from 'react';
import { useAnnouncer } from './Announcer';

/** What just happened, handled once the page shows it; see {@link useFocusAfterCommit}. */
export interface Outcome {
  /**
   * Whether the committed page shows the outcome yet, asked after every commit until it says so (default: the
   * first commit after `afterCommit`). E.g. a row that Clerk confirmed gone may leave in a later render.
   */
  shown?: () => boolean;
  /** Said in the component's live region once shown; a function is read then (e.g. the new current account). */
  announce?: string | (() => string);
  /**
   * The element that takes focus once shown, asked only if focus is the component's to move; `null` leaves it
   * alone (or says the getter moved focus itself, e.g. through a grid's roving tab stop).
   */
  focus?: () => HTMLElement | null | undefined;
  /**
   * Focus still inside the component is its to move too, e.g. in a popover that closes with the outcome.
   * Without it, only lost focus moves (on an element that went away, or nowhere).
   */
  evenFromInside?: boolean;
  /** Runs once shown, after focus moved: e.g. close the popover that focus just left. */
  afterFocus?: () => void;
}

/**
 * Per document: whether focus was left on the page's background on purpose (a click on it, or nothing focused
 * yet), rather than lost with an element that went away. Only lost focus is a component's to pick up.
 */
const leftOnPurpose = new WeakMap<Document, boolean>();

/** Starts following focus in `doc` (once per document, for the page's life: two listeners). */
function followFocus(doc: Document) {
  if (leftOnPurpose.has(doc)) return;
  leftOnPurpose.set(doc, true);
  doc.addEventListener('focusin', () => leftOnPurpose.set(doc, false), true);
  doc.addEventListener(
    'focusout',
    (event) => {
      if (event.relatedTarget) return;
      const left = event.target;
      // Focus went nowhere. If the element is still there (and nothing took focus back meanwhile, as a closing
      // dialog does for its opener), the user put focus on the background; a removed element lost it.
      queueMicrotask(() => {
        const active = doc.activeElement;
        if (left instanceof Node && left.isConnected && (!active || active === doc.body)) leftOnPurpose.set(doc, true);
      });
    },
    true,
  );
}

/** Whether focus is the component's to move: lost (not left on the background on purpose), or inside it. */
function focusIsOurs(scope: HTMLElement | null, evenFromInside: boolean): boolean {
  const doc = scope?.ownerDocument ?? document;
  const active = doc.activeElement;
  if (!active || active === doc.body || !active.isConnected) return leftOnPurpose.get(doc) === false;
  return evenFromInside && !!scope?.contains(active);
}

/**
 * The one way the kit's components react to an outcome (Clerk confirmed, a run failed, a notice appeared): call
 * `afterCommit(outcome)`, and once the render that shows it has committed, its text is announced in
 * `announcement` (render it in an `Announcer`) and focus moves, but only if focus was lost (its element went away
 * with the change) or, with `evenFromInside`, is still inside `scopeRef` (the component's root). Focus the user
 * has taken elsewhere meanwhile is never moved. After an unmount nothing happens: React drops the update.
 */
export function useFocusAfterCommit<Scope extends HTMLElement = HTMLElement>() {
  const scopeRef = useRef<Scope>(null);
  const { announcement, announce } = useAnnouncer();
  const waiting = useRef<Outcome[]>([]);
  const [, commit] = useState(0);

  useEffect(() => followFocus(scopeRef.current?.ownerDocument ?? document), []);

  // After every commit: most renders have nothing waiting.
  useEffect(() => {
    if (waiting.current.length === 0) return;
    const due = waiting.current;
    waiting.current = [];
    for (const outcome of due) {
      if (outcome.shown && !outcome.shown()) {
        waiting.current.push(outcome);
        continue;
      }
      const text = typeof outcome.announce === 'function' ? outcome.announce() : outcome.announce;
      if (text) announce(text);
      if (outcome.focus && focusIsOurs(scopeRef.current, outcome.evenFromInside ?? false)) outcome.focus()?.focus();
      outcome.afterFocus?.();
    }
  });

  /** Handles `outcome` once a render shows it (this call renders once more, so it also works for no change). */
  const afterCommit = useCallback((outcome: Outcome) => {
    waiting.current.push(outcome);
    commit((count) => count + 1);
  }, []);

  return { scopeRef, announcement, afterCommit };
}
