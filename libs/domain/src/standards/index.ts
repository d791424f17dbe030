// Standards: the national provider standards as dated reference data, and pass/fail (RAG) against them.
// Rules and sources: ../assurance/RULES.md.
export type { EffectiveStandard, ProviderStandard, StandardPeriodType, StandardPolarity, StandardUnit } from './provider-standards';
export { PROVIDER_STANDARDS, catalogueFromEffectiveVersions, findStandard, validateStandardsCatalogue } from './provider-standards';
export type { RagStatus } from './evaluate-rag';
export { evaluateRag, evaluateRagFromCounts } from './evaluate-rag';
export type { LocalTarget, SeriesTargets, TargetInForce, TargetSource, TrajectoryMonth } from './targets-in-force';
export { TARGET_SOURCES, evaluateRagAgainstTarget, targetInForce, targetsAtPeriods } from './targets-in-force';
