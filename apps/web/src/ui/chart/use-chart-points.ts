import { useCallback, useRef, useState, type KeyboardEvent } from 'react';

/**
 * Keyboard and pointer behaviour shared by the charts' data points: one tab stop per chart (roving
 * tabindex), arrow keys, Home and End to move between points, details shown for the point that has
 * focus or the pointer, and Escape to hide them (WCAG 1.4.13, 2.1.1).
 */
export function useChartPoints(count: number, initialIndex: number) {
  const [tabIndexAt, setTabIndexAt] = useState(initialIndex);
  const [focused, setFocused] = useState<number | null>(null);
  const [hovered, setHovered] = useState<number | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const elements = useRef<Array<SVGElement | null>>([]);

  const moveTo = useCallback(
    (index: number) => {
      const next = Math.max(0, Math.min(count - 1, index));
      setTabIndexAt(next);
      setDismissed(false);
      // A move by keyboard (or a click) shows that point, even where the pointer still rests on another.
      setHovered(null);
      elements.current[next]?.focus();
    },
    [count],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent, index: number) => {
      const moves: Record<string, number> = { ArrowRight: index + 1, ArrowUp: index + 1, ArrowLeft: index - 1, ArrowDown: index - 1, Home: 0, End: count - 1 };
      if (event.key in moves) {
        event.preventDefault();
        moveTo(moves[event.key]);
      } else if (event.key === 'Escape') {
        setDismissed(true);
        setHovered(null);
      }
    },
    [count, moveTo],
  );

  const active = dismissed ? null : (hovered ?? focused);
  const current = Math.max(0, Math.min(count - 1, tabIndexAt));

  return {
    /** The point whose details show (focus or pointer), or null. */
    active,
    /** The point to ring: the focused one always (focus stays visible after Escape), else the active one. */
    ringed: focused ?? active,
    pointProps: (index: number) => ({
      ref: (element: SVGElement | null) => {
        elements.current[index] = element;
      },
      tabIndex: index === current ? 0 : -1,
      onFocus: () => {
        setFocused(index);
        setTabIndexAt(index);
        setDismissed(false);
        setHovered(null);
      },
      onBlur: () => setFocused((was) => (was === index ? null : was)),
      onKeyDown: (event: KeyboardEvent) => onKeyDown(event, index),
      onMouseEnter: () => {
        setHovered(index);
        setDismissed(false);
      },
      onClick: () => moveTo(index),
    }),
    hoverProps: (index: number) => ({
      onMouseEnter: () => {
        setHovered(index);
        setDismissed(false);
      },
    }),
    /** For the chart's wrapper: the details stay while the pointer is over the chart or the details themselves. */
    wrapperProps: {
      onMouseLeave: () => setHovered(null),
      onKeyDown: (event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          setDismissed(true);
          setHovered(null);
        }
      },
    },
  };
}

/**
 * Where a point's details go: beside the point, opening towards the middle of the chart so they stay
 * on screen at phone width, above the point when it is in the lower half and below otherwise.
 */
export function tooltipPosition(xFraction: number, yFraction: number): React.CSSProperties {
  const tx = xFraction < 0.33 ? '-16px' : xFraction > 0.67 ? 'calc(-100% + 16px)' : '-50%';
  const ty = yFraction > 0.5 ? 'calc(-100% - 14px)' : '14px';
  return { left: `${xFraction * 100}%`, top: `${yFraction * 100}%`, transform: `translate(${tx}, ${ty})` };
}
