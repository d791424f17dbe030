/**
 * A cell's column name, shown only where its table stacks into cards at phone width (`ccg-stack-table` in
 * app.css). Hidden from screen readers, which announce the column header.
 */
export function CellLabel({ children }: { children: string }) {
  return (
    <span className="ccg-cell-label" aria-hidden="true">
      {children}
    </span>
  );
}
