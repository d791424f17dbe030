import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { blankPlan, importPlanFile, planCsv, planWorkbook, type ExportablePlan } from './plan-files';
import type { PlanDraft } from './plan-draft';
import type { SheetProblem } from './plan-sheet';
import { downloadFile, planFileName, XLSX_TYPE } from './spreadsheet-files';

interface PlanImportExportProps {
  ccg: string;
  financialYear: string;
  /** Null when the figures cannot be imported here (read-only). */
  onImported: ((draft: PlanDraft, summary: string) => void) | null;
  /** The figures on screen for an export, or why there are none to export. */
  exportable: ExportablePlan;
}

type ImportState = { state: 'idle' } | { state: 'reading' } | { state: 'refused'; fileName: string; problems: SheetProblem[] } | { state: 'no-file' };

/**
 * The plan template to download (.xlsx or .csv), import from a filled template, and export to .xlsx. A file
 * with any problem imports nothing: its problems are listed by cell and the figures on screen stay as
 * they were. An import fills the figures on screen only; saving is the officer's next step.
 */
export function PlanImportExport({ ccg, financialYear, onImported, exportable }: PlanImportExportProps) {
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const [importState, setImportState] = useState<ImportState>({ state: 'idle' });
  const [busy, setBusy] = useState<null | 'template' | 'export'>(null);
  const [exportError, setExportError] = useState<string | null>(null);

  useEffect(() => {
    if (importState.state === 'refused') problemsRef.current?.focus();
    if (importState.state === 'no-file') fileRef.current?.focus();
  }, [importState]);

  async function downloadTemplate(kind: 'xlsx' | 'csv') {
    const plan = blankPlan(ccg, financialYear);
    if (kind === 'csv') {
      downloadFile(planFileName(ccg, financialYear, 'csv', 'financial-plan-template'), planCsv(plan), 'text/csv;charset=utf-8');
      return;
    }
    setBusy('template');
    try {
      downloadFile(planFileName(ccg, financialYear, 'xlsx', 'financial-plan-template'), await planWorkbook(plan), XLSX_TYPE);
    } finally {
      setBusy(null);
    }
  }

  async function exportPlan() {
    if (!exportable.ok) return;
    setBusy('export');
    setExportError(null);
    try {
      downloadFile(planFileName(ccg, financialYear, 'xlsx'), await planWorkbook(exportable.content), XLSX_TYPE);
    } catch {
      setExportError('The workbook could not be made. Try again.');
    } finally {
      setBusy(null);
    }
  }

  async function importFile(event: FormEvent) {
    event.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (!onImported) return;
    if (!file) {
      setImportState({ state: 'no-file' });
      return;
    }
    setImportState({ state: 'reading' });
    const reading = await importPlanFile(file, { ccg, financialYear });
    if (!reading.ok) {
      setImportState({ state: 'refused', fileName: file.name, problems: reading.problems });
      return;
    }
    setImportState({ state: 'idle' });
    if (fileRef.current) fileRef.current.value = '';
    onImported(reading.draft, `Imported the allocation and ${reading.lineCount} ${reading.lineCount === 1 ? 'line' : 'lines'} from ${file.name}.`);
  }

  const inputId = `${id}-file`;
  const fileError = importState.state === 'no-file' ? 'Select an .xlsx or .csv file to import' : importState.state === 'refused' ? `${importState.fileName} was not imported` : undefined;

  return (
    <section aria-labelledby={`${id}-heading`} className="nhsuk-u-margin-bottom-6">
      <h2 id={`${id}-heading`} className="nhsuk-heading-m">
        Import and export
      </h2>
      <p className="nhsuk-body">
        The template has a row for each figure, named in column A, with its value in column B: amounts in pounds with at most two decimal places. An export uses the
        same layout, so an exported plan imports back.
      </p>
      <div className="ccg-button-row">
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={busy !== null} onClick={() => void downloadTemplate('xlsx')}>
          Download the template (.xlsx)
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" onClick={() => void downloadTemplate('csv')}>
          Download the template (.csv)
        </button>
        <button type="button" className="nhsuk-button nhsuk-button--secondary nhsuk-button--small" disabled={!exportable.ok || busy !== null} onClick={() => void exportPlan()}>
          {busy === 'export' ? 'Making the workbook…' : 'Export the plan (.xlsx)'}
        </button>
      </div>
      {!exportable.ok && <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">{exportable.reason}</p>}
      {exportError && (
        <p className="nhsuk-error-message" role="alert">
          {exportError}
        </p>
      )}

      {onImported && (
        <form onSubmit={(event) => void importFile(event)} noValidate aria-label="Import a plan from a file">
          {importState.state === 'refused' && (
            <div className="nhsuk-error-summary" aria-labelledby={`${id}-problems-title`} role="alert" tabIndex={-1} ref={problemsRef}>
              <h3 className="nhsuk-error-summary__title" id={`${id}-problems-title`}>
                {importState.fileName} was not imported
              </h3>
              <div className="nhsuk-error-summary__body">
                <p>Nothing from the file was imported or saved; the figures on this page are unchanged. Correct the file and import it again:</p>
                <ul className="nhsuk-list nhsuk-error-summary__list">
                  {importState.problems.map((problem) => (
                    <li key={`${problem.cell ?? ''}${problem.message}`}>{problem.message}</li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <div className={`nhsuk-form-group${fileError ? ' nhsuk-form-group--error' : ''}`}>
            <label className="nhsuk-label nhsuk-label--s" htmlFor={inputId}>
              Import figures from a file
            </label>
            <div className="nhsuk-hint" id={`${inputId}-hint`}>
              An .xlsx or .csv file made from the template for {ccg} {financialYear}. The figures replace those on this page; nothing is saved until you save the draft.
            </div>
            {fileError && (
              <span className="nhsuk-error-message" id={`${inputId}-error`}>
                <span className="nhsuk-u-visually-hidden">Error: </span>
                {fileError}
              </span>
            )}
            <input
              ref={fileRef}
              className={`nhsuk-file-upload${fileError ? ' nhsuk-file-upload--error' : ''}`}
              id={inputId}
              name="plan-file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              aria-describedby={`${inputId}-hint${fileError ? ` ${inputId}-error` : ''}`}
              onChange={() => importState.state === 'no-file' && setImportState({ state: 'idle' })}
            />
          </div>
          <button type="submit" className="nhsuk-button nhsuk-button--secondary" disabled={importState.state === 'reading'}>
            {importState.state === 'reading' ? 'Reading the file…' : 'Import the figures'}
          </button>
        </form>
      )}
    </section>
  );
}
