import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { RagTag } from '../providers/scorecard-labels';
import { formatDate, formatInstant, formatValue, monthLabel } from '../ui/format';
import { Button, ErrorSummary, FormGroup, problemFor, type FormProblem } from '../ui/nhs';
import { SpcChart, type SpcChartPoint } from '../ui/spc-chart';
import { AssuranceIcon, VariationIcon } from '../ui/spc-icons';
import { AnnotateSeriesPointMutation, UpdateReportCommentaryMutation } from './performance-reports.operations';
import { ReportActionsSection } from './report-actions';
import { reportRefusal } from './report-refusals';
import type { Report, ReportSection, ScorecardRow } from './report-types';

/** The report's sections in order, each with its content and the analyst's commentary (editable in a draft). */
export function ReportSections({ report, editable, onChanged }: { report: Report; editable: boolean; onChanged: () => Promise<unknown> }) {
  return (
    <>
      {report.sections.map((section) => (
        <section key={section.key} aria-labelledby={`section-${section.key}`} className="nhsuk-u-margin-bottom-7 ccg-report-section">
          <h2 id={`section-${section.key}`} className="nhsuk-heading-l">
            {section.title}
          </h2>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{section.description}</p>
          <p className="nhsuk-body">{section.summary}</p>
          {section.key === 'SCORECARD' ? (
            <Scorecard report={report} section={section} editable={editable} onChanged={onChanged} />
          ) : section.key === 'ACTIONS' ? (
            <ReportActionsSection report={report} editable={editable} onChanged={onChanged} />
          ) : (
            <SectionItems section={section} />
          )}
          <Commentary report={report} section={section} editable={editable} onChanged={onChanged} />
        </section>
      ))}
    </>
  );
}

function SectionItems({ section }: { section: ReportSection }) {
  if (section.items.length === 0) return null;
  return (
    <dl className="nhsuk-summary-list">
      {section.items.map((item, index) => (
        <div className="nhsuk-summary-list__row" key={`${item.title}-${index}`}>
          <dt className="nhsuk-summary-list__key">{item.title}</dt>
          <dd className="nhsuk-summary-list__value">
            {item.status && <strong className="nhsuk-u-margin-right-2">{item.status}.</strong>}
            {item.detail}
            {item.dueOn && <> Due {formatDate(item.dueOn)}.</>}
            {item.overdue && <strong className="nhsuk-tag nhsuk-tag--red nhsuk-u-margin-left-1">Overdue</strong>}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The analyst's commentary on a section: shown, and written in a draft by the analyst. */
function Commentary({ report, section, editable, onChanged }: { report: Report; section: ReportSection; editable: boolean; onChanged: () => Promise<unknown> }) {
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(section.commentary ?? '');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateReportCommentaryMutation);
  const id = `commentary-${section.key}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    try {
      await save({ variables: { input: { reportId: report.id, expectedVersion: report.rowVersion, section: section.key, commentary: text } } });
      setEditing(false);
      setProblems([]);
      setSaved(true);
    } catch (error) {
      const refusal = reportRefusal(error, { TEXT_REQUIRED: id });
      setProblems([refusal]);
      setFocus((n) => n + 1);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <div className="ccg-commentary">
      <h3 className="nhsuk-heading-s">Commentary</h3>
      {saved && (
        <p className="nhsuk-body-s" role="status">
          The commentary on {section.title.toLowerCase()} is saved.
        </p>
      )}
      {!editing &&
        (section.commentary ? (
          <>
            <p className="nhsuk-body ccg-pre-line">{section.commentary}</p>
            {section.commentaryUpdatedBy && (
              <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                By {section.commentaryUpdatedBy}
                {section.commentaryUpdatedAt ? `, ${formatInstant(section.commentaryUpdatedAt)}` : ''}
              </p>
            )}
          </>
        ) : (
          <p className="nhsuk-body">No commentary.</p>
        ))}
      {editable && !editing && (
        <Button
          type="button"
          secondary
          small
          className="ccg-no-print"
          onClick={() => {
            setText(section.commentary ?? '');
            setEditing(true);
            setSaved(false);
          }}
        >
          {section.commentary ? 'Change the commentary' : 'Write commentary'}
          <span className="nhsuk-u-visually-hidden"> on {section.title}</span>
        </Button>
      )}
      {editable && editing && (
        <form onSubmit={(event) => void submit(event)} noValidate className="ccg-no-print">
          <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
          <FormGroup id={id} label={`Commentary on ${section.title}`} hint="What the numbers mean and what the CCG is doing about them. Leave it blank to remove it." error={problemFor(problems, id)}>
            {({ describedBy, invalid }) => (
              <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={id} rows={5} value={text} aria-describedby={describedBy} onChange={(event) => setText(event.currentTarget.value)} />
            )}
          </FormGroup>
          <div className="ccg-button-row">
            <Button type="submit" disabled={loading}>
              {loading ? 'Saving…' : 'Save the commentary'}
            </Button>
            <Button type="button" secondary disabled={loading} onClick={() => setEditing(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** The report's chart points as the SPC chart draws them: the stored verdicts; the report keeps no rule or rebase group. */
export function chartPoints(row: ScorecardRow): SpcChartPoint[] {
  return row.points.map((point) => ({ ...point, specialCauseType: 'COMMON_CAUSE', rebaseGroup: 0, target: row.target }));
}

/** The scorecard: a row per provider and indicator (value, target, RAG, variation, assurance), then each series' chart with its annotations. */
function Scorecard({ report, section, editable, onChanged }: { report: Report; section: ReportSection; editable: boolean; onChanged: () => Promise<unknown> }) {
  const rows = section.scorecardRows;
  if (rows.length === 0) return <p className="nhsuk-body">No provider indicators with values up to {report.monthLabel}.</p>;
  return (
    <>
      {/* Scrolls sideways on a narrow screen: focusable so a keyboard can scroll it (WCAG 2.1.1). */}
      <div className="nhsuk-table-container" role="region" aria-label={`Scorecard table, ${report.monthLabel}`} tabIndex={0}>
        <table className="nhsuk-table">
          <caption className="nhsuk-table__caption nhsuk-table__caption--s">Providers against the national standards, {report.monthLabel}</caption>
          <thead className="nhsuk-table__head">
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Indicator</th>
              <th scope="col">Month</th>
              <th scope="col" className="nhsuk-table__header--numeric">
                Value
              </th>
              <th scope="col" className="nhsuk-table__header--numeric">
                Target
              </th>
              <th scope="col">RAG</th>
              <th scope="col">Variation</th>
              <th scope="col">Assurance</th>
            </tr>
          </thead>
          <tbody className="nhsuk-table__body">
            {rows.map((row) => (
              <tr key={`${row.providerCode}-${row.indicatorCode}`}>
                <td>
                  {row.providerName} ({row.providerCode})
                </td>
                <td>{row.indicatorName}</td>
                <td className="ccg-nowrap">{row.periodLabel}</td>
                <td className="nhsuk-table__cell--numeric">{formatValue(row.value, row.unit)}</td>
                <td className="nhsuk-table__cell--numeric">{row.target === null || row.target === undefined ? 'None' : formatValue(row.target, row.unit)}</td>
                <td>
                  <RagTag rag={row.rag} />
                </td>
                <td>
                  <VariationIcon type={row.variationType} side={null} size={36} />
                </td>
                <td>
                  <AssuranceIcon type={row.assuranceType} size={36} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.map((row) => (
        <SeriesChart key={`${row.providerCode}-${row.indicatorCode}`} report={report} row={row} editable={editable} onChanged={onChanged} />
      ))}
    </>
  );
}

/** A series' chart, its points' annotations listed under it, and (in a draft) a form to annotate a point. */
function SeriesChart({ report, row, editable, onChanged }: { report: Report; row: ScorecardRow; editable: boolean; onChanged: () => Promise<unknown> }) {
  const title = `${row.indicatorName}, ${row.providerName}`;
  const annotations = report.annotations.filter((annotation) => annotation.indicatorCode === row.indicatorCode && annotation.organisationCode === row.providerCode);
  const headingId = `chart-${row.providerCode}-${row.indicatorCode}`;
  return (
    <section aria-labelledby={headingId} className="nhsuk-u-margin-bottom-6">
      <h3 id={headingId} className="nhsuk-heading-m">
        {title}
      </h3>
      <SpcChart title={title} unit={row.unit} points={chartPoints(row)} target={row.target} csvName={`${report.ccg.code} ${report.month} ${row.providerCode} ${row.indicatorCode}`} annotatedPeriods={annotations.map((annotation) => annotation.period)} />
      <h4 className="nhsuk-heading-s">Annotations</h4>
      {annotations.length === 0 ? (
        <p className="nhsuk-body">No point of this chart is annotated.</p>
      ) : (
        <ul className="nhsuk-list ccg-annotations">
          {annotations.map((annotation) => (
            <li key={annotation.id}>
              <strong>{monthLabel(annotation.period)}:</strong> <span className="ccg-pre-line">{annotation.text}</span>
              <span className="nhsuk-body-s nhsuk-u-secondary-text-colour">
                {' '}
                ({annotation.author}, {formatInstant(annotation.createdAt)}
                {annotation.reportId && annotation.reportId !== report.id ? ', on an earlier report' : ''})
              </span>
            </li>
          ))}
        </ul>
      )}
      {editable && <AnnotateForm report={report} row={row} title={title} onChanged={onChanged} />}
    </section>
  );
}

function AnnotateForm({ report, row, title, onChanged }: { report: Report; row: ScorecardRow; title: string; onChanged: () => Promise<unknown> }) {
  const [open, setOpen] = useState(false);
  const [period, setPeriod] = useState(row.period);
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [focus, setFocus] = useState(0);
  const [saved, setSaved] = useState<string | null>(null);
  const [annotate, { loading }] = useMutation(AnnotateSeriesPointMutation);
  const base = `annotate-${row.providerCode}-${row.indicatorCode}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    const found: FormProblem[] = [];
    if (!period) found.push({ field: `${base}-period`, message: 'Choose the month of the point' });
    if (!text.trim()) found.push({ field: `${base}-text`, message: 'Enter the annotation' });
    setProblems(found);
    if (found.length > 0) {
      setFocus((n) => n + 1);
      return;
    }
    try {
      await annotate({ variables: { input: { reportId: report.id, expectedVersion: report.rowVersion, indicatorCode: row.indicatorCode, organisationCode: row.providerCode, period, text: text.trim() } } });
      setSaved(`The annotation on ${monthLabel(period)} is saved.`);
      setText('');
      setOpen(false);
    } catch (error) {
      const refusal = reportRefusal(error, { TEXT_REQUIRED: `${base}-text`, POINT: `${base}-period` });
      setProblems([refusal]);
      setFocus((n) => n + 1);
      if (refusal.reload) await onChanged();
    }
  }

  return (
    <div className="ccg-no-print">
      {saved && (
        <p className="nhsuk-body-s" role="status">
          {saved}
        </p>
      )}
      {!open ? (
        <Button type="button" secondary small onClick={() => setOpen(true)}>
          Annotate a point<span className="nhsuk-u-visually-hidden"> of {title}</span>
        </Button>
      ) : (
        <form onSubmit={(event) => void submit(event)} noValidate aria-label={`Annotate a point of ${title}`}>
          <ErrorSummary problems={problems} focusRequest={focus} headingLevel="h4" />
          <FormGroup id={`${base}-period`} label="Month of the point" error={problemFor(problems, `${base}-period`)}>
            {({ describedBy, invalid }) => (
              <select className={`nhsuk-select${invalid ? ' nhsuk-select--error' : ''}`} id={`${base}-period`} aria-describedby={describedBy} value={period} onChange={(event) => setPeriod(event.currentTarget.value)}>
                {[...row.points].reverse().map((point) => (
                  <option key={point.period} value={point.period}>
                    {monthLabel(point.period)}: {formatValue(point.value, row.unit)}
                  </option>
                ))}
              </select>
            )}
          </FormGroup>
          <FormGroup id={`${base}-text`} label="Annotation" hint="Later charts of this series show it too." error={problemFor(problems, `${base}-text`)}>
            {({ describedBy, invalid }) => (
              <textarea className={`nhsuk-textarea${invalid ? ' nhsuk-textarea--error' : ''}`} id={`${base}-text`} rows={2} value={text} aria-describedby={describedBy} onChange={(event) => setText(event.currentTarget.value)} />
            )}
          </FormGroup>
          <div className="ccg-button-row">
            <Button type="submit" disabled={loading}>
              {loading ? 'Saving…' : 'Save the annotation'}
            </Button>
            <Button type="button" secondary disabled={loading} onClick={() => setOpen(false)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
