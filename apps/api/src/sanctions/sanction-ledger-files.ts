import { FINE_INCOME_USE_LABELS, Money, SANCTION_LEDGER_STATE_LABELS } from '@ccg-assure/domain';
import ExcelJS from 'exceljs';
import { longDate, monthName } from './contract-notice-letter.pdf';
import type { SanctionLedgerEntryView, SanctionLedgerView } from './sanction-views';

// A contract's sanctions ledger as CSV and .xlsx (issue 15 item 7; decision 0006 for spreadsheets, 0023 for doing it on
// the server): one row per sum, amounts exact. The xlsx writes an amount as a number only when the number reads back
// as exactly the same pence (decision 0006), else as text.

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEADERS = [
  'Month',
  'Kind',
  'Sanction',
  'Description',
  'Basis',
  'Count',
  'Unit value (£)',
  'Amount (£)',
  'Status',
  'Waiver reason',
  'Income use',
  'Income use note',
  'Notice',
  'Recorded',
] as const;

function row(entry: SanctionLedgerEntryView): (string | number | null)[] {
  return [
    entry.month,
    entry.kind === 'WITHHOLDING' ? 'Withholding (GC9)' : 'Sanction',
    entry.sanctionCode,
    entry.description,
    entry.basis === 'DATA' ? 'Calculated from the data' : entry.basis === 'COUNT' ? 'Count entered' : 'GC9 share of the monthly value',
    entry.count,
    entry.unitValue?.toString() ?? null,
    entry.amount.toString(),
    SANCTION_LEDGER_STATE_LABELS[entry.status],
    entry.reason,
    entry.incomeUse ? FINE_INCOME_USE_LABELS[entry.incomeUse] : null,
    entry.incomeUseNote,
    entry.noticeId,
    entry.createdAt.toISOString(),
  ];
}

/** A cell as CSV writes it (RFC 4180), with text that a spreadsheet would run as a formula made inert. */
function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The ledger as CSV (UTF-8 with a byte-order mark, so Excel reads the pound sign). */
export function sanctionLedgerCsv(ledger: SanctionLedgerView): string {
  const lines = [HEADERS.map(csvCell).join(','), ...ledger.entries.map((entry) => row(entry).map(csvCell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** An amount as a spreadsheet number when it reads back as the same pence, else as text (decision 0006). */
function amountCell(text: string | null): string | number | null {
  if (text === null) return null;
  const number = Number(text);
  return Number.isFinite(number) && Money.parse(String(number)).equals(Money.parse(text)) ? number : text;
}

/** The ledger as an .xlsx workbook: the entries, then the totals by status and by use of income. */
export async function sanctionLedgerXlsx(ledger: SanctionLedgerView, names: Record<string, string>, generatedOn: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'CCG Assure';
  const contract = ledger.contract;
  const sheet = workbook.addWorksheet('Sanctions ledger');
  sheet.addRow([`Sanctions ledger: ${contract.title}, ${names[contract.providerCode] ?? contract.providerCode}, contract year ${contract.financialYear}`]).font = { bold: true };
  sheet.addRow([`Lead commissioner ${names[contract.leadCommissionerCode] ?? contract.leadCommissionerCode}. Produced by CCG Assure on ${longDate(generatedOn)}.${contract.illustrative ? ' ILLUSTRATIVE DEMONSTRATION CONTRACT.' : ''}`]);
  sheet.addRow([]);
  sheet.addRow([...HEADERS]).font = { bold: true };
  for (const entry of ledger.entries) {
    const cells = row(entry);
    cells[0] = monthName(entry.month);
    cells[6] = amountCell(entry.unitValue?.toString() ?? null);
    cells[7] = amountCell(entry.amount.toString());
    sheet.addRow(cells);
  }
  for (const column of [7, 8]) sheet.getColumn(column).numFmt = '£#,##0.00';
  sheet.columns.forEach((column, index) => {
    column.width = [14, 18, 30, 50, 28, 8, 14, 16, 12, 30, 40, 40, 38, 26][index] ?? 14;
  });

  const totals = workbook.addWorksheet('Totals');
  totals.addRow(['', 'Amount (£)', 'Sums']).font = { bold: true };
  for (const use of ledger.totals.byUse) totals.addRow([`Applied: ${FINE_INCOME_USE_LABELS[use.use]}`, amountCell(use.amount.toString()), use.entries]);
  totals.addRow(['Applied: use not yet recorded', amountCell(ledger.totals.unallocated.toString()), ledger.totals.unallocatedEntries]);
  totals.addRow(['Applied in total', amountCell(ledger.totals.applied.toString())]);
  totals.addRow(['Calculated, not yet applied or waived', amountCell(ledger.totals.calculated.toString())]);
  totals.addRow(['Withheld, not yet returned or retained', amountCell(ledger.totals.withheld.toString())]);
  totals.addRow(['Waived', amountCell(ledger.totals.waived.toString())]);
  totals.addRow(['Returned to the provider', amountCell(ledger.totals.returned.toString())]);
  totals.getColumn(2).numFmt = '£#,##0.00';
  totals.getColumn(1).width = 50;
  totals.getColumn(2).width = 18;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
