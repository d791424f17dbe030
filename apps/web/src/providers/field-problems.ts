import { useState } from 'react';
import { problemFor, type FormProblem } from '../ui/nhs';

/**
 * The problems of one of the provider page's forms, its fields' ids under `prefix` (several forms share a page): the
 * problems found (with their fields' ids), a request to focus the summary, a field's problem, and setting or clearing them.
 */
export function useFieldProblems(prefix: string) {
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const id = (field: string | null) => (field ? `${prefix}-${field}` : null);
  return {
    problems,
    focus,
    error: (field: string) => problemFor(problems, `${prefix}-${field}`),
    report: (found: FormProblem[]) => {
      setProblems(found.map((problem) => ({ ...problem, field: id(problem.field) })));
      setFocus((n) => n + 1);
    },
    clear: () => setProblems([]),
  };
}
