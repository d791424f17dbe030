import { dateInWords, monthInWords, type PointType, type RagStatus } from '@ccg-assure/domain';
import PDFDocument from 'pdfkit';
import type { PerformanceReport, SignOff } from './performance-report.type';
import type { PerformanceReportDetails } from './performance-reports.service';

// A monthly performance report as a printable record (issue 17 point 5), drawn with pdfkit's built-in Helvetica as the
// other reports are (decision 0008): the sign-off record first, then every section as the report shows it (the frozen
// snapshot once the CCG has signed), commentary, remedial actions and annotations. Words only; dates in words.

type Document = PDFKit.PDFDocument;

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';
const RED = '#d5281b';

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const londonTime = (at: Date | string) => LONDON.format(new Date(at)).replace(', ', ' at ');
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
const RAG_WORDS: Record<RagStatus, string> = { RED: 'red against the standard', GREEN: 'green against the standard' };
const VARIATION_WORDS: Record<PointType, string> = {
  COMMON_CAUSE: 'common cause variation',
  SPECIAL_CAUSE_IMPROVEMENT: 'special cause: improvement',
  SPECIAL_CAUSE_CONCERN: 'special cause: concern',
  SPECIAL_CAUSE_NEUTRAL_HIGH: 'special cause: high',
  SPECIAL_CAUSE_NEUTRAL_LOW: 'special cause: low',
};

function bytesOf(doc: Document): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function heading(doc: Document, title: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 100) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(NHS_BLUE).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(TEXT);
}

function keepRoom(doc: Document, room = 40): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - room) doc.addPage();
}

function signature(doc: Document, label: string, signOff: SignOff | null, organisation: string | null, pending: string): void {
  doc.font('Helvetica-Bold').text(label);
  doc.font('Helvetica');
  if (!signOff) {
    doc.fillColor(GREY).text(pending).fillColor(TEXT).moveDown(0.3);
    return;
  }
  doc.text(`Signed off for ${organisation ?? 'the organisation'} by ${signOff.by} at ${signOff.meeting} on ${dateInWords(signOff.signedOn)}.`);
  doc.fontSize(9).fillColor(GREY).text(`Recorded ${londonTime(signOff.at)}.`).fillColor(TEXT).fontSize(10).moveDown(0.3);
}

/** Renders a report; `generatedOn` is today in England ('yyyy-mm-dd'). */
export async function renderPerformanceReport(
  input: { report: PerformanceReport; details: PerformanceReportDetails; ccgName: string; higherOrganisationName: string | null },
  generatedOn: string,
): Promise<Buffer> {
  const { report, details, ccgName } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `${ccgName}: performance report for ${report.monthLabel} (version ${report.version})`, Author: ccgName, Subject: 'Integrated performance report', Creator: 'CCG Assure', CreationDate: new Date(`${generatedOn}T00:00:00Z`) },
  });
  const done = bytesOf(doc);

  if (report.status !== 'PUBLISHED') {
    const note =
      report.status === 'SUPERSEDED' ? 'SUPERSEDED: a later version corrects this report.' : report.frozen ? `NOT YET PUBLISHED: ${report.statusLabel.toLowerCase()}.` : 'DRAFT: built from the data as it stands; not signed off.';
    doc.font('Helvetica-Bold').fontSize(10).fillColor(RED).text(note).moveDown(0.5);
  }
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(ccgName);
  doc.font('Helvetica-Bold').fontSize(18).fillColor(NHS_BLUE).text(`Integrated performance report: ${report.monthLabel}`);
  doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(`Version ${report.version}. ${report.statusLabel}.`);
  if (report.correctionReason) doc.fontSize(10).text(`Corrects version ${report.version - 1}: ${report.correctionReason}`);
  doc.fontSize(9).fillColor(GREY);
  doc.text(report.frozen ? `Frozen when the CCG signed it (${londonTime(details.builtAt)}): the figures are as shown then.` : `Built from the stored data on ${londonTime(details.builtAt)}.`);
  if (details.changedValuesSinceFrozen) {
    doc.fillColor(RED).text(`${details.changedValuesSinceFrozen} of the ${details.frozenValueCount ?? 0} values shown have changed in the data since the report was signed.`);
  }
  doc.fillColor(TEXT).fontSize(10);

  heading(doc, 'Sign-off record');
  signature(doc, 'Stage one: the CCG', report.ccgSignOff, ccgName, 'Not yet signed off by the CCG.');
  const higherName = details.higherBoard.organisationName ?? details.higherBoard.kindLabel;
  signature(doc, `Stage two: the higher board (${higherName})`, report.higherBoardSignOff, higherName, 'Not yet signed off by the higher board.');
  doc.fontSize(9).fillColor(GREY).text(details.higherBoard.explanation).fillColor(TEXT).fontSize(10);

  for (const section of details.sections) {
    heading(doc, section.title);
    doc.text(section.summary);
    if (section.commentary) {
      doc.moveDown(0.3).font('Helvetica-Oblique').text(`Commentary: ${section.commentary}`).font('Helvetica');
    }
    doc.moveDown(0.3);
    for (const row of section.scorecardRows) {
      keepRoom(doc);
      doc.font('Helvetica-Bold').text(`${row.providerName}: ${row.indicatorName}`).font('Helvetica');
      doc.text(
        `${row.periodLabel}: ${withUnit(row.value, row.unit)}${row.target === null ? '' : ` against a standard of ${withUnit(row.target, row.unit)}`}; ${row.rag ? RAG_WORDS[row.rag] : 'not rated'}; ${VARIATION_WORDS[row.variationType]}${row.assuranceType ? `; assurance: ${words(row.assuranceType)}` : ''}.`,
      );
      const notes = details.annotations.filter((a) => a.indicatorCode === row.indicatorCode && a.organisationCode === row.providerCode);
      for (const note of notes) doc.fontSize(9).fillColor(GREY).text(`Note on ${dateInWords(note.period)} by ${note.author}: ${note.text}`).fillColor(TEXT).fontSize(10);
    }
    for (const item of section.items) {
      keepRoom(doc);
      doc.font('Helvetica-Bold').text(`${item.title}${item.status ? ` (${item.status})` : ''}`).font('Helvetica');
      doc.text(`${item.detail}${item.dueOn ? ` Due by ${dateInWords(item.dueOn)}.` : ''}${item.overdue ? ' Overdue.' : ''}`);
    }
    if (section.key === 'ACTIONS') {
      if (details.actions.length === 0) doc.text('No remedial actions.');
      for (const action of details.actions) {
        keepRoom(doc);
        doc.font('Helvetica-Bold').text(`${action.description}${action.providerName ? ` (${action.providerName})` : ''}`).font('Helvetica');
        doc.text(
          `Owner ${action.owner}; ${action.dueOn ? `due by ${dateInWords(action.dueOn)}` : 'no due date'}; ${action.statusLabel.toLowerCase()}${action.overdue ? ', overdue' : ''}${action.carriedForward ? `; carried forward from ${monthInWords(action.raisedInMonth)}` : ''}.`,
        );
      }
    }
  }

  heading(doc, 'History');
  for (const event of details.history) {
    keepRoom(doc, 30);
    doc.text(`${londonTime(event.at)}: ${event.actionLabel} by ${event.actor}${event.reason ? `. Reason: ${event.reason}` : ''}${event.meeting ? ` (${event.meeting}, ${event.signedOn ? dateInWords(event.signedOn) : ''})` : ''}.`);
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.height - doc.page.margins.bottom + 20;
    doc.font('Helvetica').fontSize(8).fillColor(GREY).text(`${ccgName}, performance report for ${report.monthLabel}, version ${report.version}, produced by CCG Assure on ${dateInWords(generatedOn)} - page ${index + 1} of ${range.count}`, doc.page.margins.left, bottom, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
    });
  }
  doc.end();
  return done;
}

/** A value in its unit, as the report's screens show it: percentages and minutes to one decimal place, counts whole. */
function withUnit(value: number, unit: string): string {
  if (unit === 'PERCENTAGE') return `${value.toFixed(1)}%`;
  if (unit === 'COUNT') return Math.round(value).toLocaleString('en-GB');
  if (unit === 'MINUTES') return `${value.toFixed(1)} minutes`;
  return value.toFixed(1);
}
