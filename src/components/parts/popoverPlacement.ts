/** Space between the anchor and the popover, and the margin the popover keeps from the viewport's edges (px). */
const GAP = 4;
const EDGE = 8;

/** What {@link popoverPlacement} needs to know, measured from the page. */
export interface PlacementInput {
  /** The anchor's box in the viewport (`getBoundingClientRect()`). */
  anchor: { top: number; bottom: number; left: number; right: number };
  /** Right-to-left layout: the popover lines up with the anchor's right edge. */
  rtl: boolean;
  /** The popover's width, and its whole height without a cap (content plus borders). */
  width: number;
  height: number;
  /** The viewport's size (`document.documentElement`'s client size, without scrollbars). */
  viewport: { width: number; height: number };
}

/** Where the popover goes, in viewport pixels: `top` or `bottom` is set, the other is `null`. */
export interface Placement {
  left: number;
  top: number | null;
  bottom: number | null;
  /** The room on the chosen side; the rest of a taller popover scrolls. */
  maxHeight: number;
  side: 'bottom' | 'top';
}

/**
 * Places a popover next to its anchor: its inline-start edge lined up with the anchor's, kept inside the
 * viewport; under the anchor if the whole popover fits there, else on the side with more room (over it, for an
 * anchor near the bottom of the screen), its height capped to that room. Over the anchor it hangs from its own
 * bottom edge (`bottom`), so a change in its height grows it upward.
 */
export function popoverPlacement({ anchor, rtl, width, height, viewport }: PlacementInput): Placement {
  const left = Math.max(EDGE, Math.min(rtl ? anchor.right - width : anchor.left, viewport.width - width - EDGE));
  const below = viewport.height - anchor.bottom - GAP - EDGE;
  const above = anchor.top - GAP - EDGE;
  const up = height > below && above > below;
  return {
    left: Math.round(left),
    top: up ? null : Math.round(anchor.bottom + GAP),
    bottom: up ? Math.round(viewport.height - anchor.top + GAP) : null,
    maxHeight: Math.max(0, Math.floor(up ? above : below)),
    side: up ? 'top' : 'bottom',
  };
}
