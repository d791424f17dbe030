// Workflows as transition tables (STYLE.md "Workflows"): the shape shared by the financial plan and
// assessment lifecycles. Each lifecycle exports its own table and functions from its area's folder.
export type { StatusChange, TransitionRow } from './transition-table';
