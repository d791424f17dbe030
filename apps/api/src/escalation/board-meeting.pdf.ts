import { PACK_SECTION_LABELS, dateInWords, monthInWords } from '@ccg-assure/domain';
import PDFDocument from 'pdfkit';
import type { Board, BoardMeeting, PackItem } from './escalation.type';
import type { FrozenPack } from './meeting-pack';

// A held board meeting as a printable record (issue 16 point 3), drawn with pdfkit's built-in Helvetica as the other
// reports are (decision 0008): the frozen pack (items by section and, for the Integrated Board, the failing
// indicators read from the stored scores), the decisions and the minutes, exactly as frozen when the meeting was held.

type Document = PDFKit.PDFDocument;

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';
const RED = '#d5281b';

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
const londonTime = (at: Date) => LONDON.format(at).replace(', ', ' at ');
const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');
const number = (value: number | null | undefined) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(1) : 'n/a');

function bytesOf(doc: Document): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function section(doc: Document, title: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 100) doc.addPage();
  doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor(NHS_BLUE).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(TEXT);
}

function item(doc: Document, entry: PackItem): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 60) doc.addPage();
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT).text(entry.title);
  doc.font('Helvetica').fontSize(9).fillColor(GREY);
  const due = entry.dueOn ? `due ${dateInWords(entry.dueOn)}` : 'no due date';
  doc.text(`${entry.kindLabel}; ${entry.severityLabel}; owner ${entry.owner.displayName}; ${due}; ${words(entry.status)} at ${entry.boardName}${entry.arrivedFrom ? ` (from ${entry.arrivedFrom})` : ''}`);
  doc.fillColor(TEXT).moveDown(0.2);
}

/** Renders a held meeting; `generatedOn` is today in England ('yyyy-mm-dd'). */
export async function renderBoardMeeting(input: { meeting: BoardMeeting; board: Board; ccgName: string; pack: FrozenPack }, generatedOn: string): Promise<Buffer> {
  const { meeting, board, ccgName, pack } = input;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: `${board.name}: meeting of ${dateInWords(meeting.meetsOn)}`, Author: ccgName, Subject: 'Board meeting pack, decisions and minutes', Creator: 'CCG Assure', CreationDate: new Date(`${generatedOn}T00:00:00Z`) },
  });
  const done = bytesOf(doc);
  if (board.illustrative || meeting.illustrative) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(RED).text('ILLUSTRATIVE DEMONSTRATION BOARD: not a real meeting.');
    doc.moveDown(0.5);
  }
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text(ccgName);
  doc.font('Helvetica-Bold').fontSize(18).fillColor(NHS_BLUE).text(board.name);
  doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(`Meeting of ${dateInWords(meeting.meetsOn)}`);
  if (meeting.heldAt) doc.fontSize(9).fillColor(GREY).text(`Recorded as held ${londonTime(meeting.heldAt)}. The pack below is as it stood then; later changes do not alter it.`);
  doc.fillColor(TEXT);

  const sections: [string, PackItem[]][] = [
    [PACK_SECTION_LABELS.NEW, pack.pack.newItems],
    [PACK_SECTION_LABELS.ESCALATED_IN, pack.pack.escalatedIn],
    [PACK_SECTION_LABELS.CARRIED_OVER, pack.pack.carriedOver],
    [PACK_SECTION_LABELS.DECISIONS_DUE, pack.pack.decisionsDue],
  ];
  for (const [title, entries] of sections) {
    section(doc, title);
    if (entries.length === 0) doc.text('None.');
    for (const entry of entries) item(doc, entry);
  }

  if (pack.pack.indicatorsAsOf) {
    const basis = pack.pack.providersBasis === 'CONTRACTS' ? 'the CCG’s contracted providers' : 'the providers of the CCG’s region (no contracts recorded)';
    section(doc, 'Failing provider indicators');
    doc.fontSize(9).fillColor(GREY).text(`From the stored scores as at ${dateInWords(pack.pack.indicatorsAsOf)}, for ${basis}.`).fillColor(TEXT).fontSize(10);
    if (pack.pack.failingIndicators.length === 0) doc.text('None failing.');
    for (const row of pack.pack.failingIndicators) {
      if (doc.y > doc.page.height - doc.page.margins.bottom - 40) doc.addPage();
      doc.text(
        `${row.providerName} (${row.providerCode}), ${row.indicatorName}, ${monthInWords(row.period)}: ${number(row.value)} against ${row.target === null ? 'no standard' : number(row.target)}; ` +
          `RAG ${row.rag ? words(row.rag) : 'not rated'}; variation ${words(row.variationType)}; assurance ${row.assuranceType ? words(row.assuranceType) : 'none'}`,
      );
    }
  }

  section(doc, 'Decisions');
  if (pack.decisions.length === 0) doc.text('No decisions recorded.');
  for (const decision of pack.decisions) {
    doc.font('Helvetica-Bold').text(`${decision.itemTitle}: ${decision.decisionLabel}${decision.toBoardName ? ` (to ${decision.toBoardName})` : ''}`);
    doc.font('Helvetica').text(decision.note);
    doc.fontSize(9).fillColor(GREY).text(`Recorded by ${decision.recordedBy}, ${londonTime(decision.recordedAt)}`).fillColor(TEXT).fontSize(10).moveDown(0.3);
  }

  section(doc, 'Minutes');
  doc.text(meeting.minutes ?? '');

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.height - doc.page.margins.bottom + 20;
    doc.font('Helvetica').fontSize(8).fillColor(GREY).text(`${board.name}, meeting ${meeting.id}, produced by CCG Assure on ${dateInWords(generatedOn)} - page ${index + 1} of ${range.count}`, doc.page.margins.left, bottom, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
      align: 'center',
    });
  }
  doc.end();
  return done;
}
