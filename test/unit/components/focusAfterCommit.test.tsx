import { act, cleanup, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { type Outcome, useFocusAfterCommit } from '../../../src/components/parts/useFocusAfterCommit';

/** A list whose first item can be removed; `run(outcome)` calls afterCommit from outside, as a resolved action does. */
function Harness({ into }: { into: { run?: (outcome: Outcome) => void; remove?: () => void } }) {
  const { scopeRef, announcement, afterCommit } = useFocusAfterCommit<HTMLDivElement>();
  const [items, setItems] = useState(['one', 'two']);
  into.run = afterCommit;
  into.remove = () => setItems((list) => list.slice(1));
  return (
    <>
      <div ref={scopeRef}>
        {items.map((item) => (
          <button key={item} type="button">
            {item}
          </button>
        ))}
        <p role="status">{announcement}</p>
      </div>
      <button type="button">elsewhere</button>
    </>
  );
}

function mount() {
  const box: { run?: (outcome: Outcome) => void; remove?: () => void } = {};
  render(<Harness into={box} />);
  const run = (outcome: Outcome) => act(() => box.run?.(outcome));
  return {
    run,
    remove: () => act(() => box.remove?.()),
    button: (name: string) => screen.getByRole('button', { name }),
  };
}

describe('useFocusAfterCommit', () => {
  afterEach(cleanup);

  it('moves focus lost with a removed element, once the render without it committed, and announces', async () => {
    const { run, remove, button } = mount();
    button('one').focus();
    const two = button('two');
    let shown = false;
    run({ shown: () => shown, focus: () => two, announce: 'One was removed.' });
    // Not shown yet: nothing happens.
    expect(document.activeElement).toBe(button('one'));
    shown = true;
    remove();
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 80));
    });
    expect(document.activeElement).toBe(two);
    expect(screen.getByRole('status').textContent).toBe('One was removed.');
  });

  it('leaves focus the user took elsewhere, and focus still inside unless asked', () => {
    const { run, button } = mount();
    button('elsewhere').focus();
    run({ focus: () => button('two') });
    expect(document.activeElement).toBe(button('elsewhere'));
    button('one').focus();
    run({ focus: () => button('two') });
    expect(document.activeElement).toBe(button('one'));
    run({ focus: () => button('two'), evenFromInside: true });
    expect(document.activeElement).toBe(button('two'));
  });

  it('leaves focus the user put on the page background', async () => {
    const { run, button } = mount();
    button('one').focus();
    act(() => button('one').blur());
    await act(async () => {
      await Promise.resolve();
    });
    run({ focus: () => button('two') });
    expect(document.activeElement).toBe(document.body);
  });
});
