import {
  type FocusEvent as ReactFocusEvent,
  type KeyboardEvent as ReactKeyboardEvent,
  type ReactNode,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
} from 'react';
import { openState } from '../../core/openState';
import { popoverPlacement } from './popoverPlacement';

/** Props of {@link Popover}. */
export interface PopoverProps {
  id: string;
  open: boolean;
  /** `returnFocus`: put focus back on the trigger (Escape), not after a click or Tab elsewhere. */
  onClose: (returnFocus: boolean) => void;
  /** The trigger's visible frame: the popover is placed under it (or over it, when there is more room there). */
  anchorRef: RefObject<HTMLElement | null>;
  /** Where focus goes when it opens. */
  initialFocus: (popover: HTMLElement) => HTMLElement | null;
  label: string;
  className?: string | undefined;
  children: ReactNode;
}

/**
 * A non-modal `role="dialog"` on `popover="manual"` (top layer, never clipped), `data-slot="panel"`. Manual, not
 * auto: light dismiss is done here so it also answers synthetic events (tests) and so opening a modal `<dialog>`
 * from inside it does not close it (a modal dialog closes every auto popover). Escape closes it (returning focus),
 * a click outside or Tab past its last control closes it. It follows its anchor on scroll and resize;
 * `data-side` says where it is (`bottom` | `top`, see `popoverPlacement`).
 */
export function Popover({ id, open, onClose, anchorRef, initialFocus, label, className, children }: PopoverProps) {
  const popoverRef = useRef<HTMLDivElement>(null);
  const latest = useRef({ onClose, initialFocus });
  latest.current = { onClose, initialFocus };

  const place = useCallback(() => {
    const popover = popoverRef.current;
    const anchor = anchorRef.current;
    if (!popover || !anchor) return;
    const { clientWidth, clientHeight } = document.documentElement;
    const placement = popoverPlacement({
      anchor: anchor.getBoundingClientRect(),
      rtl: getComputedStyle(anchor).direction === 'rtl',
      width: popover.offsetWidth,
      // Its whole height without the cap: scrollHeight, plus borders. (Clearing max-height to measure would reset
      // the popover's own scroll position.)
      height: popover.scrollHeight + popover.offsetHeight - popover.clientHeight,
      viewport: { width: clientWidth, height: clientHeight },
    });
    popover.style.left = `${placement.left}px`;
    popover.style.maxHeight = `${placement.maxHeight}px`;
    popover.style.top = placement.top === null ? '' : `${placement.top}px`;
    popover.style.bottom = placement.bottom === null ? '' : `${placement.bottom}px`;
    popover.dataset.side = placement.side;
  }, [anchorRef]);

  useLayoutEffect(() => {
    const popover = popoverRef.current;
    if (!popover) return;
    const shown = popover.matches(':popover-open');
    if (open && !shown) {
      popover.showPopover();
      place();
      latest.current.initialFocus(popover)?.focus();
    } else if (!open && shown) {
      popover.hidePopover();
    }
  }, [open, place]);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (!target || popoverRef.current?.contains(target) || anchorRef.current?.contains(target)) return;
      latest.current.onClose(false);
    };
    // Any scroller may move the anchor (capture phase: scroll does not bubble), except the popover itself.
    const onScroll = (event: Event) => {
      if (!(event.target instanceof Node && popoverRef.current?.contains(event.target))) place();
    };
    window.addEventListener('resize', place);
    window.addEventListener('scroll', onScroll, true);
    document.addEventListener('pointerdown', onPointerDown, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', onScroll, true);
      document.removeEventListener('pointerdown', onPointerDown, true);
    };
  }, [open, place, anchorRef]);

  const onKeyDown = (event: ReactKeyboardEvent<HTMLDivElement>) => {
    // Escape inside a confirmation <dialog> belongs to that dialog.
    if (event.key !== 'Escape' || (event.target as Element).closest('dialog')) return;
    event.preventDefault();
    onClose(true);
  };

  const onBlur = (event: ReactFocusEvent<HTMLDivElement>) => {
    // Tab past the last control leaves a non-modal popover behind the page: close it. (A click on something that
    // takes no focus has no relatedTarget; the pointerdown listener handles clicks.)
    const next = event.relatedTarget as Node | null;
    if (next && !popoverRef.current?.contains(next) && !anchorRef.current?.contains(next)) onClose(false);
  };

  return (
    // biome-ignore lint/a11y/noNoninteractiveElementInteractions: Escape closes the dialog from anywhere inside it.
    <div
      ref={popoverRef}
      id={id}
      popover="manual"
      role="dialog"
      aria-label={label}
      data-slot="panel"
      data-state={openState(open)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      // The UA centres popovers in the viewport: the owner's class resets that (`position: fixed`, no margin or
      // inset) and `place` puts this one next to its anchor.
      className={className}
    >
      {children}
    </div>
  );
}
