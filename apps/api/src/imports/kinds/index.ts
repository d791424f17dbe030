import type { ImportKind } from '../import-kind';
import { aeAttendancesKind } from './ae-attendances.kind';
import { ccgHierarchyKind } from './ccg-hierarchy.kind';
import { indicatorValuesKind } from './indicator-values.kind';
import { odsCommissionersKind } from './ods-commissioners.kind';
import { odsTrustsKind } from './ods-trusts.kind';
import { stakeholderSurveyKind } from './stakeholder-survey.kind';

/** Every kind of file the importer takes, by name (`npm run import -- <kind> <file>`). */
export const importKinds: Record<string, ImportKind<unknown>> = Object.fromEntries(
  [odsTrustsKind, odsCommissionersKind, ccgHierarchyKind, aeAttendancesKind, stakeholderSurveyKind, indicatorValuesKind].map((kind) => [kind.name, kind as ImportKind<unknown>]),
);
