import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * The NHS table container, which scrolls sideways when its table is wider than the screen (a phone). While it
 * scrolls it is a named region that takes focus, so that a keyboard user can scroll it too (WCAG 2.1.1; axe's
 * scrollable-region-focusable); while it does not, it adds no tab stop. Its name is the table's caption, or `label`.
 */
export function TableContainer({ label, className, children }: { label?: string; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const node = ref.current;
    if (!node) return;
    const check = () => {
      const scrolls = node.scrollWidth > node.clientWidth;
      setName(scrolls ? (label ?? node.querySelector('caption')?.textContent?.trim() ?? null) || 'Table' : null);
    };
    check();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(check);
    observer.observe(node);
    if (node.firstElementChild) observer.observe(node.firstElementChild);
    return () => observer.disconnect();
  }, [label]);
  return (
    <div ref={ref} className={['nhsuk-table-container', className].filter(Boolean).join(' ')} {...(name ? { role: 'region', 'aria-label': name, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}
