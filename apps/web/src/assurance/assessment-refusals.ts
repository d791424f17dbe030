import { describeError, errorCodes } from '../app/graphql-errors';

/** What the assessor is told when a change to the assessment is refused; `conflict` offers the latest version. */
export interface SaveRefusal {
  text: string;
  conflict: boolean;
}

/** The refusals of the assessment's changes, by `extensions.reason` (STYLE.md "Errors": codes, never message text). */
const BY_REASON: Readonly<Record<string, SaveRefusal>> = {
  ASSESSMENT_PUBLISHED: { text: 'This assessment has been published in the meantime: it can no longer change.', conflict: true },
  NOT_DECIDED: { text: 'Decide the overall category and save it before publishing.', conflict: false },
  RATIONALE_REQUIRED: { text: 'A decision that differs from the proposed category needs a rationale.', conflict: false },
  INVALID_URL: { text: 'The link must start https:// or http://.', conflict: false },
};

/** Any other CONFLICT (a stale version): someone else changed the assessment. */
const CHANGED_ELSEWHERE: SaveRefusal = { text: 'Someone else changed this assessment since you opened it. Your changes are still on screen.', conflict: true };

export function describeSaveRefusal(error: unknown): SaveRefusal {
  const { code, reason } = errorCodes(error);
  if (reason && BY_REASON[reason]) return BY_REASON[reason];
  if (code === 'CONFLICT') return CHANGED_ELSEWHERE;
  return { text: describeError(error), conflict: false };
}
