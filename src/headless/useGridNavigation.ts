import { type KeyboardEvent, useCallback, useRef, useState } from 'react';

/** A cell position in a {@link useGridNavigation} grid. */
export interface GridPosition {
  row: number;
  col: number;
}

/**
 * Keyboard model of the WAI-ARIA APG layout grid: one Tab stop for the whole grid (roving `tabIndex`);
 * ↑/↓ move between rows, ←/→ between cells of a row (mirrored in right-to-left layouts), Home/End go to the first
 * / last cell of the row, Ctrl+Home / Ctrl+End to the first / last row; Enter and Space activate the focused
 * button natively.
 */
export function useGridNavigation(rowCount: number, colCount: number) {
  const gridRef = useRef<HTMLElement | null>(null);
  const [active, setActive] = useState<GridPosition>({ row: 0, col: 0 });
  // Rows can disappear (a signed-out account): keep the roving tab stop on a row that still exists.
  const row = Math.min(active.row, Math.max(0, rowCount - 1));
  const col = Math.min(active.col, colCount - 1);

  const focusCell = useCallback((position: GridPosition) => {
    const cell = gridRef.current?.querySelector<HTMLElement>(
      `[data-grid-row="${position.row}"][data-grid-col="${position.col}"]`,
    );
    if (!cell) return false;
    setActive(position);
    cell.focus();
    return true;
  }, []);

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const target = (event.target as HTMLElement).closest<HTMLElement>('[data-grid-row]');
      if (!target) return;
      const at = { row: Number(target.dataset.gridRow), col: Number(target.dataset.gridCol) };
      const rtl = getComputedStyle(target).direction === 'rtl';
      const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
      const backward = rtl ? 'ArrowRight' : 'ArrowLeft';
      const last = { row: rowCount - 1, col: colCount - 1 };
      let next: GridPosition | null = null;
      if (event.key === 'ArrowDown') next = { row: Math.min(at.row + 1, last.row), col: at.col };
      else if (event.key === 'ArrowUp') next = { row: Math.max(at.row - 1, 0), col: at.col };
      else if (event.key === forward) next = { row: at.row, col: Math.min(at.col + 1, last.col) };
      else if (event.key === backward) next = { row: at.row, col: Math.max(at.col - 1, 0) };
      else if (event.key === 'Home') next = event.ctrlKey ? { row: 0, col: at.col } : { row: at.row, col: 0 };
      else if (event.key === 'End')
        next = event.ctrlKey ? { row: last.row, col: at.col } : { row: at.row, col: last.col };
      if (!next) return;
      event.preventDefault();
      // A row may have fewer cells than the widest one (the hook does not require full rows; the kit's own rows
      // always render every cell): moving into a missing cell lands on that row's first cell.
      if (!focusCell(next)) focusCell({ row: next.row, col: 0 });
    },
    [rowCount, colCount, focusCell],
  );

  /** Props for the element with `role="grid"`. */
  const getGridProps = () => ({
    ref: (node: HTMLElement | null) => {
      gridRef.current = node;
    },
    role: 'grid' as const,
    onKeyDown,
  });

  const onCellFocus = useCallback(
    (position: GridPosition) =>
      setActive((current) => (current.row === position.row && current.col === position.col ? current : position)),
    [],
  );

  return { tabStop: { row, col }, getGridProps, onCellFocus, focusCell };
}

/**
 * Props for the focusable widget in a grid cell. `tabStopCol` is the column holding the grid's tab stop when it
 * is in this row, else `null`; rows take only that number so moving focus re-renders two rows, not all.
 */
export function gridCellProps(
  position: GridPosition,
  tabStopCol: number | null,
  onCellFocus: (p: GridPosition) => void,
) {
  return {
    tabIndex: tabStopCol === position.col ? 0 : -1,
    'data-grid-row': position.row,
    'data-grid-col': position.col,
    onFocus: () => onCellFocus(position),
  };
}
