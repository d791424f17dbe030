import { useEffect, useRef } from 'react';
import type { AssessmentNotice } from './use-assessment-editor';

/**
 * What happened to the assessor's last change, focused when it appears: saved (a status), or refused (an
 * alert); when someone else changed the assessment, a way to load the latest version in place of theirs.
 */
export function AssessmentNoticePanel({ notice, onReload }: { notice: AssessmentNotice; onReload: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) ref.current?.focus();
  }, [notice]);
  if (!notice) return null;
  if (notice.kind === 'success') {
    return (
      <div ref={ref} tabIndex={-1} role="status" className="nhsuk-inset-text ccg-notice--success">
        <p>{notice.text}</p>
      </div>
    );
  }
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="nhsuk-error-summary">
      <h2 className="nhsuk-error-summary__title">{notice.conflict ? 'The assessment changed' : 'It could not be saved'}</h2>
      <div className="nhsuk-error-summary__body">
        <p>{notice.text}</p>
        {notice.conflict && (
          <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" onClick={onReload}>
            Load the latest version<span className="nhsuk-u-visually-hidden"> (replaces your unsaved changes)</span>
          </button>
        )}
      </div>
    </div>
  );
}
