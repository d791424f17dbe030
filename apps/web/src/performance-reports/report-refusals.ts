import { errorCodes } from '../app/graphql-errors';
import { refusalProblem, type FormProblem } from '../ui/nhs';

/** A refusal as a form problem; `reload` where the report moved on meanwhile (the page then reads it again). */
export type ReportRefusal = FormProblem & { reload?: boolean };

/**
 * The API's refusals of a change to a report, by reason (STYLE.md "Errors": never by message), pointed at the
 * form's fields named in `fields` (reason → field id). Unknown refusals fall back to the code's words.
 */
export function reportRefusal(error: unknown, fields: Readonly<Record<string, string>> = {}): ReportRefusal {
  const { reason, code } = errorCodes(error);
  switch (reason) {
    case 'STALE_VERSION':
      return { field: null, message: 'Someone else changed this report in the meantime. The latest is shown; check it and try again.', reload: true };
    case 'INVALID_TRANSITION':
      return { field: null, message: 'That is not allowed where the report stands now. The latest is shown.', reload: true };
    case 'CORRECTION_ALREADY_STARTED':
      return { field: null, message: 'A correction of this report has already been started. The latest is shown.', reload: true };
    case 'ACTION_NOT_PERMITTED':
      return { field: null, message: 'Your role does not allow that step on this report.' };
  }
  const words: Record<string, FormProblem> = {
    TEXT_REQUIRED: { field: fields.TEXT_REQUIRED ?? null, message: 'Enter the text' },
    REASON_REQUIRED: { field: fields.REASON_REQUIRED ?? null, message: 'Say why' },
    MEETING_REQUIRED: { field: fields.MEETING_REQUIRED ?? null, message: 'Enter the meeting at which the report was signed off' },
    SIGNED_ON_REQUIRED: { field: fields.SIGNED_ON ?? null, message: 'Enter the date it was signed off' },
    INVALID_DATE: { field: fields.SIGNED_ON ?? null, message: 'The date it was signed off must be a real date' },
    SIGNED_ON_IN_FUTURE: { field: fields.SIGNED_ON ?? null, message: 'The date it was signed off cannot be in the future' },
    SIGNED_ON_BEFORE_MONTH_END: { field: fields.SIGNED_ON ?? null, message: 'The date it was signed off must be after the month the report is for has ended' },
    SIGNED_ON_BEFORE_CCG: { field: fields.SIGNED_ON ?? null, message: 'The higher board signs on or after the day the CCG signed' },
    SERIES_NOT_IN_REPORT: { field: null, message: 'That series is not on this report’s scorecard.' },
    POINT_NOT_IN_REPORT: { field: fields.POINT ?? null, message: 'Choose a month shown on the chart' },
  };
  return { ...refusalProblem(error, words, 'Your role does not allow that step on this report.'), reload: code === 'CONFLICT' };
}
