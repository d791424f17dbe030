// Public surface of the domain library: the rules of NHS commissioning assurance, pure and exact.
// One folder an area; each folder's index.ts is that area's public surface.
export * from './errors';
export * from './calendar';
export * from './money';
export * from './finance';
export * from './assurance';
export * from './special-measures';
export * from './standards';
export * from './spc';
export * from './sanctions';
export * from './comparison';
export * from './workflow';
export * from './organisations';
export * from './accounts';
export * from './contracts';
export * from './escalation';
export * from './performance-report';
export * from './attention';
