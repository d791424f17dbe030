// Standards: the national provider standards as dated reference data, and pass/fail (RAG) against them.
// Rules and sources: ../assurance/RULES.md.
export type { ProviderStandard, StandardPeriodType, StandardPolarity, StandardUnit } from './provider-standards';
export { PROVIDER_STANDARDS, findStandard, validateStandardsCatalogue } from './provider-standards';
export type { RagStatus } from './evaluate-rag';
export { evaluateRag, evaluateRagFromCounts } from './evaluate-rag';
