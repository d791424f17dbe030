import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { describeError, errorCodes } from '../app/graphql-errors';
import { FormGroup } from '../ui/nhs';
import { formatInstantDate } from '../ui/format';
import { CommentOnAssessmentMutation } from './assessment.operations';
import type { StoredAssessment } from './assessment.fragment';

/**
 * The CCG's responses to an assessment, oldest first, and (for the CCG's own users) a form to add one.
 * Comments are null for people who may not read them.
 */
export function AssessmentComments({ assessment, canComment, headingLevel = 2 }: { assessment: StoredAssessment; canComment: boolean; headingLevel?: 2 | 3 }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [comment, { loading }] = useMutation(CommentOnAssessmentMutation);
  if (assessment.comments === null) return null;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const fieldId = `comment-${assessment.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    if (!text.trim()) {
      setError('Enter your comment');
      document.getElementById(fieldId)?.focus();
      return;
    }
    try {
      await comment({ variables: { input: { assessmentId: assessment.id, text: text.trim() } } });
      setText('');
      setError(null);
      setSent(true);
    } catch (caught) {
      const { code, reason } = errorCodes(caught);
      setError(code === 'BAD_USER_INPUT' && reason === 'COMMENT_REQUIRED' ? 'Enter your comment' : describeError(caught));
    }
  }

  return (
    <section aria-labelledby={`${fieldId}-heading`} className="ccg-comments">
      <Heading id={`${fieldId}-heading`} className={headingLevel === 2 ? 'nhsuk-heading-m' : 'nhsuk-heading-s'}>
        The CCG’s responses to the {assessment.quarterLabel} assessment
      </Heading>
      {assessment.comments.length === 0 ? (
        <p className="nhsuk-body">No responses yet.</p>
      ) : (
        <ol className="nhsuk-list ccg-comment-list">
          {assessment.comments.map((item) => (
            <li key={item.id} className="ccg-comment">
              <p className="nhsuk-body-s nhsuk-u-secondary-text-colour nhsuk-u-margin-bottom-1">
                {item.author.displayName}, {formatInstantDate(item.createdAt)}
              </p>
              <p className="nhsuk-body ccg-pre-line nhsuk-u-margin-bottom-0">{item.text}</p>
            </li>
          ))}
        </ol>
      )}
      {canComment && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <FormGroup id={fieldId} label="Add a response" hint="NHS England assessors and your CCG’s users read it. It is not public." error={error ?? undefined}>
            {({ describedBy, invalid }) => (
              <textarea
                className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`}
                id={fieldId}
                rows={3}
                value={text}
                aria-describedby={describedBy}
                onChange={(event) => setText(event.currentTarget.value)}
              />
            )}
          </FormGroup>
          <div className="ccg-button-row">
            <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={loading}>
              {loading ? 'Sending…' : 'Add the response'}
            </button>
            {sent && (
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-4" role="status">
                Your response is added.
              </p>
            )}
          </div>
        </form>
      )}
    </section>
  );
}
