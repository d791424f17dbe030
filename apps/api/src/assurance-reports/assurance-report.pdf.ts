import { assuranceCategoryDefinition, dateInWords, organisationName, type AssuranceCategory } from '@ccg-assure/domain';
import PDFDocument from 'pdfkit';
import type { SpecialMeasuresEpisodeView } from '../special-measures/special-measures-view';
import type { CcgAssuranceReportView, EnglandAssuranceReportView } from './assurance-report-view';

// The annual assurance reports as PDF (issue 7), drawn with pdfkit's built-in Helvetica (no font files).
// Only what the report services give is printed: published data, so the PDF is as public as the page.

/** A document as the published `@types/pdfkit` types it. */
type Document = PDFKit.PDFDocument;

const NHS_BLUE = '#005eb8';
const TEXT = '#212b32';
const GREY = '#4c6272';

const categoryName = (code: AssuranceCategory | null) => (code ? assuranceCategoryDefinition(code).name : 'Not yet assessed');
const stateName = (state: string) => state.charAt(0) + state.slice(1).toLowerCase().replace(/_/g, ' ');

/** Collects a document's bytes. */
function bytesOf(doc: Document): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
}

function newDocument(title: string, generatedOn: string): Document {
  return new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: title, Author: 'NHS England (CCG Assure)', Subject: 'CCG assurance annual report', Creator: 'CCG Assure', CreationDate: new Date(`${generatedOn}T00:00:00Z`) },
  });
}

function heading(doc: Document, title: string, subtitle: string, generatedOn: string, illustrative: boolean): void {
  doc.font('Helvetica-Bold').fontSize(20).fillColor(NHS_BLUE).text(title);
  doc.moveDown(0.2).font('Helvetica').fontSize(13).fillColor(TEXT).text(subtitle);
  doc.moveDown(0.3).fontSize(9).fillColor(GREY).text(`From published assessments only. Produced on ${dateInWords(generatedOn)} by CCG Assure.`);
  if (illustrative) {
    doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).fillColor('#d5281b').text('ILLUSTRATIVE DEMONSTRATION DATA: not a real NHS England assessment.');
  }
  doc.moveDown(1).fillColor(TEXT);
}

function section(doc: Document, title: string): void {
  if (doc.y > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(NHS_BLUE).text(title);
  doc.moveDown(0.3).font('Helvetica').fontSize(10).fillColor(TEXT);
}

function line(doc: Document, label: string, value: string): void {
  doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true }).font('Helvetica').text(value);
}

function footers(doc: Document, text: string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.height - doc.page.margins.bottom + 20;
    doc.font('Helvetica').fontSize(8).fillColor(GREY).text(`${text} - page ${index + 1} of ${range.count}`, doc.page.margins.left, bottom, { width: doc.page.width - doc.page.margins.left - doc.page.margins.right, align: 'center' });
  }
}

function specialMeasures(doc: Document, episode: SpecialMeasuresEpisodeView): void {
  line(doc, 'State', stateName(episode.state));
  line(doc, 'Triggers', episode.triggers.map((trigger) => trigger.description).join(' '));
  if (episode.enteredOn) line(doc, 'Entered', `${dateInWords(episode.enteredOn)} (${episode.events.find((event) => event.to === 'AGREED') ? 'agreed with the CCG' : 'determined by NHS England'})`);
  if (episode.clock) {
    const clock = episode.clock;
    line(
      doc,
      `12-month clock at ${clock.asOf}`,
      clock.open
        ? clock.overdue
          ? `due by ${dateInWords(clock.dueBy)}; overdue by ${clock.daysOverdue} days`
          : `due by ${dateInWords(clock.dueBy)}; ${clock.monthsRemaining} whole months remaining`
        : `closed; it was due by ${dateInWords(clock.dueBy)}${clock.closedAfterDueBy ? ' (closed after that date)' : ''}`,
    );
  }
  if (episode.improvementDirector) line(doc, 'Improvement director', episode.improvementDirector);
  const plan = episode.improvementPlan;
  if (plan.totalActions > 0) {
    line(doc, 'Improvement plan', `${plan.signedOffOn ? `signed off by NHS England on ${dateInWords(plan.signedOffOn)}; ` : ''}${plan.completedActions} of ${plan.totalActions} actions completed, ${plan.overdueActions} overdue`);
  }
  for (const report of episode.progressReports) doc.text(`Progress report ${report.on}: ${report.summary}`, { indent: 12 });
  if (episode.escalationKind) line(doc, 'Escalation', stateName(episode.escalationKind));
  doc.moveDown(0.5);
}

/** The CCG's annual assurance report. */
export async function renderCcgAssuranceReport(report: CcgAssuranceReportView, ccgName: string): Promise<Buffer> {
  const title = `CCG assurance annual report ${report.financialYear}`;
  const doc = newDocument(`${title}: ${ccgName}`, report.generatedOn);
  const bytes = bytesOf(doc);
  heading(doc, title, `${ccgName} (${report.ccgCode})`, report.generatedOn, report.illustrative);

  const latest = report.assessments[report.assessments.length - 1];
  section(doc, 'Summary');
  line(doc, 'Category', `${categoryName(report.latestCategory)} (${latest.quarterLabel}, assessed on ${dateInWords(latest.assessedOn)})`);
  if (latest.nextAssessmentDue) line(doc, 'Next assessment due', dateInWords(latest.nextAssessmentDue));
  line(doc, 'Published assessments this year', String(report.assessments.length));
  line(doc, 'Special measures', report.specialMeasures.length ? stateName(report.specialMeasures[0].state) : 'none published this year');

  for (const assessment of report.assessments) {
    section(doc, `${assessment.quarterLabel}: ${categoryName(assessment.decidedCategory)}`);
    line(doc, 'Assessed on', dateInWords(assessment.assessedOn));
    line(doc, 'Framework', `${assessment.framework.id} (${assessment.framework.domains.length} ${assessment.framework.areaTerm === 'COMPONENT' ? 'components' : 'domains'})`);
    if (assessment.proposal) line(doc, 'Proposed by the policy', `${categoryName(assessment.proposal.category)}: ${assessment.proposal.reasons[assessment.proposal.reasons.length - 1].explanation}`);
    if (assessment.rationale) line(doc, "Assessor's rationale", assessment.rationale);
    doc.moveDown(0.3);
    for (const rating of assessment.ratings) {
      doc.font('Helvetica-Bold').text(`${rating.domain.name}: `, { continued: true, indent: 12 }).font('Helvetica').text(categoryName(rating.rating));
      if (rating.narrative) doc.fillColor(GREY).text(rating.narrative, { indent: 24 }).fillColor(TEXT);
    }
    if (assessment.evidence.length) {
      doc.moveDown(0.3).font('Helvetica-Bold').text('Evidence').font('Helvetica');
      for (const evidence of assessment.evidence) {
        const what = [evidence.partner ? stateName(evidence.partner) : stateName(evidence.kind), evidence.reference, evidence.url].filter(Boolean).join(' - ');
        doc.text(`- ${what}${evidence.note ? `: ${evidence.note}` : ''}`, { indent: 12 });
      }
    }
  }

  if (report.specialMeasures.length) {
    section(doc, 'Special measures');
    for (const episode of report.specialMeasures) specialMeasures(doc, episode);
  }

  if (report.stakeholderSurvey.length) {
    section(doc, `360-degree stakeholder survey ${report.financialYear}`);
    for (const result of report.stakeholderSurvey) doc.text(`${result.percentagePositive.toString()}% positive - ${result.question}`);
  }

  footers(doc, `${title} - ${report.ccgCode}`);
  doc.end();
  return bytes;
}

/** The England annual assurance report. */
export async function renderEnglandAssuranceReport(report: EnglandAssuranceReportView, names: ReadonlyMap<string, string>): Promise<Buffer> {
  const title = `CCG assurance annual report for England ${report.financialYear}`;
  const doc = newDocument(title, report.generatedOn);
  const bytes = bytesOf(doc);
  heading(doc, title, 'NHS England: every CCG with a published assessment in the year', report.generatedOn, report.illustrative);

  section(doc, 'Summary');
  line(doc, 'CCGs assessed', String(report.ccgsAssessed));
  for (const count of report.categoryCounts) line(doc, categoryName(count.category), String(count.count));
  line(doc, 'CCGs in special measures during the year', String(report.ccgsInSpecialMeasures));

  section(doc, 'CCGs, by their latest category of the year');
  for (const entry of report.ccgs) {
    const special = entry.specialMeasuresState ? `; special measures: ${stateName(entry.specialMeasuresState)}` : '';
    doc.font('Helvetica-Bold').text(`${organisationName(names.get(entry.ccgCode) ?? entry.ccgCode)} (${entry.ccgCode}): `, { continued: true }).font('Helvetica').text(`${categoryName(entry.category)} (${entry.quarterLabel})${special}`);
  }

  footers(doc, title);
  doc.end();
  return bytes;
}
