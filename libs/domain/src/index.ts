// Public surface of the domain library: the rules of NHS commissioning assurance, pure and exact.
export {};
export * from './errors';
