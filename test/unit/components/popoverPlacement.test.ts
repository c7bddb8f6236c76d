import { describe, expect, it } from 'vitest';
import { type PlacementInput, popoverPlacement } from '../../../src/components/parts/popoverPlacement';

const viewport = { width: 1000, height: 800 };
/** A 200 × 40 trigger at (100, top), a 300-wide popover of `height`. */
const input = (top: number, height: number, extra: Partial<PlacementInput> = {}): PlacementInput => ({
  anchor: { top, bottom: top + 40, left: 100, right: 300 },
  rtl: false,
  width: 300,
  height,
  viewport,
  ...extra,
});

describe('popoverPlacement', () => {
  it('opens under the trigger, 4px below it, lined up with its start edge, capped to the room down to 8px from the edge', () => {
    expect(popoverPlacement(input(100, 200))).toEqual({
      left: 100,
      top: 144,
      bottom: null,
      maxHeight: 800 - 140 - 4 - 8,
      side: 'bottom',
    });
  });

  it('opens over a trigger near the bottom of the screen when it does not fit under it, hanging from its bottom edge', () => {
    expect(popoverPlacement(input(700, 300))).toEqual({
      left: 100,
      top: null,
      bottom: 800 - 700 + 4,
      maxHeight: 700 - 4 - 8,
      side: 'top',
    });
  });

  it('stays under the trigger when it does not fit on either side but there is more room under it, and scrolls', () => {
    const placement = popoverPlacement(input(300, 2000));
    expect(placement).toMatchObject({ side: 'bottom', top: 344, maxHeight: 800 - 340 - 12 });
  });

  it("lines up with the trigger's right edge right to left", () => {
    expect(popoverPlacement(input(100, 200, { rtl: true })).left).toBe(0 + 8);
    const wide = { anchor: { top: 100, bottom: 140, left: 600, right: 900 } };
    expect(popoverPlacement(input(100, 200, { rtl: true, ...wide })).left).toBe(600);
  });

  it('keeps 8px from the viewport edges when the trigger sits at one', () => {
    const atEnd = { anchor: { top: 100, bottom: 140, left: 900, right: 990 } };
    expect(popoverPlacement(input(100, 200, atEnd)).left).toBe(1000 - 300 - 8);
  });

  it('gives no negative height when there is no room at all', () => {
    expect(popoverPlacement(input(0, 200, { viewport: { width: 1000, height: 30 } })).maxHeight).toBe(0);
  });
});
