import { dateInWords, FINE_INCOME_USE_LABELS, monthInWords, SANCTION_LEDGER_STATE_LABELS, type SanctionLedgerState } from '@ccg-assure/domain';
import PDFDocument from 'pdfkit';
import type { ContractNoticeLetterView } from './sanction-views';

// The contract performance notice as a printable letter (issue 15 item 7), drawn with pdfkit's built-in Helvetica as
// the assurance reports are (decision 0008): from the co-ordinating commissioner to the provider, with the evidence as
// frozen on the day the notice was issued, the dates GC9 sets, the sums recorded under it and the notice's history.

type Document = PDFKit.PDFDocument;

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';
const RED = '#d5281b';

/** '2016-04-01' -> '1 April 2016' (the domain's one wording of dates); 'not set' for none. */
export const longDate = (iso: string | null): string => (iso ? dateInWords(iso) : 'not set');

/** '2016-04-01' -> 'April 2016'. */
export const monthName = (iso: string) => monthInWords(iso);

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
/** An instant as England reads it: '6 December 2026 at 09:41'. */
export const londonTime = (at: Date) => LONDON.format(at).replace(', ', ' at ');

const words = (code: string) => code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' ');

interface EvidenceIndicator {
  indicatorCode: string;
  periodLabel: string;
  value: number;
  numerator: number;
  denominator: number;
  threshold: number | null;
  thresholdSource: string;
  rag: string | null;
  variationType: string;
  assuranceType: string | null;
  points: { period: string; value: number; mean: number; lowerProcessLimit: number | null; upperProcessLimit: number | null }[];
}

/** The frozen evidence as the contracts area stores it; anything unexpected is left out rather than guessed. */
function evidenceOf(value: unknown): { frozenAt: string | null; indicators: EvidenceIndicator[] } {
  const record = (typeof value === 'object' && value !== null ? value : {}) as { frozenAt?: unknown; indicators?: unknown };
  const indicators = Array.isArray(record.indicators) ? (record.indicators.filter((item) => typeof item === 'object' && item !== null) as EvidenceIndicator[]) : [];
  return { frozenAt: typeof record.frozenAt === 'string' ? record.frozenAt : null, indicators };
}

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

function line(doc: Document, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(10).fillColor(TEXT).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
}

const number = (value: number | null | undefined, digits = 1) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

/** Renders the notice letter; `generatedOn` is today in England ('yyyy-mm-dd'). */
export async function renderContractNoticeLetter(letter: ContractNoticeLetterView, generatedOn: string): Promise<Buffer> {
  const { notice, contract, names } = letter;
  const name = (code: string) => (names[code] ? `${names[code]} (${code})` : code);
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: {
      Title: `Contract Performance Notice: ${names[contract.providerCode] ?? contract.providerCode}, ${contract.financialYear}`,
      Author: names[contract.leadCommissionerCode] ?? contract.leadCommissionerCode,
      Subject: 'Contract Performance Notice (NHS Standard Contract, GC9 Contract Management)',
      Creator: 'CCG Assure',
      CreationDate: new Date(`${generatedOn}T00:00:00Z`),
    },
  });
  const done = bytesOf(doc);

  if (contract.illustrative) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(RED).text('ILLUSTRATIVE DEMONSTRATION CONTRACT: not a real contract or notice.');
    doc.moveDown(0.5);
  }
  if (!notice.issuedOn) {
    doc.font('Helvetica-Bold').fontSize(10).fillColor(RED).text(`${notice.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'DRAFT'}: this notice has not been issued.`);
    doc.moveDown(0.5);
  }
  doc.font('Helvetica-Bold').fontSize(12).fillColor(TEXT).text(names[contract.leadCommissionerCode] ?? contract.leadCommissionerCode, { align: 'right' });
  doc.font('Helvetica').fontSize(10).fillColor(GREY).text('Co-ordinating commissioner', { align: 'right' });
  if (contract.associateCodes.length > 0) doc.text(`on behalf of ${contract.associateCodes.map((code) => names[code] ?? code).join(', ')}`, { align: 'right' });
  doc.moveDown(1).fillColor(TEXT).fontSize(10).text(`To: ${name(contract.providerCode)}`);
  doc.text(`Date: ${notice.issuedOn ? longDate(notice.issuedOn) : 'not issued'}`);
  doc.moveDown(1).font('Helvetica-Bold').fontSize(18).fillColor(NHS_BLUE).text('Contract Performance Notice');
  doc.font('Helvetica').fontSize(11).fillColor(TEXT).text(`${contract.title}${contract.reference ? ` (reference ${contract.reference})` : ''}, contract year ${contract.financialYear}`);
  doc.moveDown(0.8).fontSize(10);
  doc.text(
    `Under the contract management condition (GC9) of the NHS Standard Contract, the co-ordinating commissioner gives notice that the provider has not met the ` +
      `${notice.indicatorCodes.length === 1 ? 'standard' : 'standards'} below. The evidence is as it stood when the notice was issued; later data does not change it.`,
  );
  if (notice.responseMeetingBy) doc.moveDown(0.5).font('Helvetica-Bold').text(`A Contract Management Meeting must be held by ${longDate(notice.responseMeetingBy)}.`).font('Helvetica');

  section(doc, 'Dates');
  line(doc, 'Status', words(notice.status));
  line(doc, 'Issued', longDate(notice.issuedOn));
  line(doc, 'Contract Management Meeting by', longDate(notice.responseMeetingBy));
  line(doc, 'Meeting held', longDate(notice.meetingHeldOn));
  line(doc, 'Raised from', notice.raisedFrom === 'BREACH_PROPOSAL' ? 'a breach proposed after a data import' : 'the contract lead');

  const evidence = evidenceOf(notice.evidence);
  section(doc, `Evidence${evidence.frozenAt ? ` (frozen ${londonTime(new Date(evidence.frozenAt))})` : ''}`);
  if (evidence.indicators.length === 0) doc.text(notice.issuedOn ? 'No evidence was recorded.' : 'The evidence is frozen when the notice is issued.');
  for (const indicator of evidence.indicators) {
    if (doc.y > doc.page.height - doc.page.margins.bottom - 140) doc.addPage();
    doc.moveDown(0.4).font('Helvetica-Bold').fontSize(11).fillColor(TEXT).text(`${indicator.indicatorCode}, ${indicator.periodLabel}`);
    doc.font('Helvetica').fontSize(10);
    line(doc, 'Value', `${number(indicator.value)}% (${indicator.numerator} of ${indicator.denominator})`);
    line(doc, 'Threshold', indicator.threshold === null ? 'none' : `${number(indicator.threshold)}% (${indicator.thresholdSource === 'LOCAL' ? 'local, agreed in the contract' : 'the national standard'})`);
    line(doc, 'RAG', indicator.rag ? words(indicator.rag) : 'not rated');
    line(doc, 'Variation', words(indicator.variationType ?? 'UNKNOWN'));
    line(doc, 'Assurance', indicator.assuranceType ? words(indicator.assuranceType) : 'none (no target)');
    const points = Array.isArray(indicator.points) ? indicator.points.slice(-12) : [];
    if (points.length > 0) {
      // A fixed-width face, so the columns line up.
      doc.moveDown(0.2).font('Courier').fontSize(8).fillColor(GREY);
      doc.text('Month          Value    Mean     Lower limit   Upper limit');
      for (const point of points) {
        doc.text(
          `${monthName(point.period).padEnd(15)}${number(point.value).padEnd(9)}${number(point.mean).padEnd(9)}${number(point.lowerProcessLimit).padEnd(14)}${number(point.upperProcessLimit)}`,
        );
      }
      doc.font('Helvetica').fontSize(10).fillColor(TEXT);
    }
  }

  section(doc, 'Sanctions and withholdings recorded under this notice');
  if (letter.sanctions.length === 0) doc.text('None.');
  for (const entry of letter.sanctions) {
    const what = entry.kind === 'WITHHOLDING' ? entry.description : `${entry.sanctionCode}: ${entry.count ?? 0} x ${entry.unitValue?.toDisplayString() ?? ''}`;
    doc.text(`${monthName(entry.month)}: ${what} = ${entry.amount.toDisplayString()}, ${SANCTION_LEDGER_STATE_LABELS[entry.status as SanctionLedgerState] ?? entry.status}`);
    if (entry.reason) doc.fillColor(GREY).text(`  Waived: ${entry.reason}`).fillColor(TEXT);
    if (entry.incomeUse) doc.fillColor(GREY).text(`  Income: ${FINE_INCOME_USE_LABELS[entry.incomeUse]}: ${entry.incomeUseNote ?? ''}`).fillColor(TEXT);
  }

  section(doc, 'History');
  if (letter.history.length === 0) doc.text('No moves recorded.');
  for (const event of letter.history) {
    doc.text(`${londonTime(event.at)}: ${words(event.action)} (${event.fromStatus ? words(event.fromStatus) : 'new'} to ${words(event.toStatus)}) by ${event.actorName ?? words(event.actorKind)}`);
    if (event.note) doc.fillColor(GREY).text(`  ${event.note}`).fillColor(TEXT);
  }

  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.height - doc.page.margins.bottom + 20;
    doc
      .font('Helvetica')
      .fontSize(8)
      .fillColor(GREY)
      .text(`Contract Performance Notice ${notice.id}, produced by CCG Assure on ${longDate(generatedOn)} - page ${index + 1} of ${range.count}`, doc.page.margins.left, bottom, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
      });
  }
  doc.end();
  return done;
}
