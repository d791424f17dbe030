import { ASSURANCE_CATEGORY_CODES, ASSURANCE_FRAMEWORKS, compareIsoDates, type AssuranceCategory, type AssuranceFramework } from '@ccg-assure/domain';
import { useId } from 'react';
import { ChartDataDetails, ChartFrame, Swatch } from '../ui/chart/chart-frame';
import { slotAxis } from '../ui/chart/chart-scale';
import { useMeasuredWidth } from '../ui/chart/use-measured-width';
import { formatDate } from '../ui/format';
import { CATEGORY_COLOURS, CATEGORY_LETTER, CATEGORY_NAMES, CATEGORY_SHORT, areaTerm } from './assurance-labels';

/** One assessment as the chart needs it: every rating is the API's. */
export interface ChartedAssessment {
  id: string;
  /** "Q1 2015/16". */
  periodLabel: string;
  /** First day of the quarter ('yyyy-mm-dd'); orders the assessments. */
  periodStart: string;
  /** The day the ratings were given ('yyyy-mm-dd'). */
  assessedOn: string;
  /** Framework id: '2013-14' or '2015-16'. */
  framework: string;
  /** The overall category decided by the assessor; null while undecided. */
  category: AssuranceCategory | null;
  ratings: ReadonlyArray<{ domain: string; rating: AssuranceCategory | null }>;
}

interface RatingsChartProps {
  /** Whose ratings: "NHS Leeds North CCG". */
  subject: string;
  assessments: readonly ChartedAssessment[];
  /** Names the CSV file: "Assurance ratings 02V". */
  csvName: string;
  frameworks?: readonly AssuranceFramework[];
  /** For tests and print: the width to draw at before (or without) measuring. */
  initialWidth?: number;
}

const OVERALL = '__overall__';

/**
 * Ratings by domain over time: for each framework year, a grid with one row per domain (and the
 * overall category on top) and one column per assessment, oldest first. Each cell is coloured by the
 * rating and says it in words (or a letter when narrow, with a key); Limited cells are dotted and Not
 * assured cells hatched, so colour is never the only signal. The same data follows as a table.
 */
export function RatingsChart({ subject, assessments, csvName, frameworks = ASSURANCE_FRAMEWORKS, initialWidth = 900 }: RatingsChartProps) {
  const ordered = [...assessments].sort((a, b) => compareIsoDates(a.periodStart, b.periodStart));
  const used = frameworks.filter((framework) => ordered.some((a) => a.framework === framework.id));
  if (used.length === 0) return <p className="nhsuk-body">No assessments to chart yet.</p>;
  return (
    <>
      {used.map((framework) => (
        <FrameworkRatingsChart
          key={framework.id}
          subject={subject}
          framework={framework}
          assessments={ordered.filter((a) => a.framework === framework.id)}
          csvName={`${csvName} ${framework.id}`}
          initialWidth={initialWidth}
          headed={used.length > 1}
        />
      ))}
    </>
  );
}

/** Splits a label into lines of at most `max` characters, breaking at spaces. */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines;
}

function FrameworkRatingsChart({
  subject,
  framework,
  assessments,
  csvName,
  initialWidth,
  headed,
}: {
  subject: string;
  framework: AssuranceFramework;
  assessments: readonly ChartedAssessment[];
  csvName: string;
  initialWidth: number;
  headed: boolean;
}) {
  const rawId = useId();
  const id = rawId.replace(/[^a-zA-Z0-9_-]/g, '');
  const [containerRef, measured] = useMeasuredWidth<HTMLDivElement>(initialWidth);
  const rows = [{ code: OVERALL, name: 'Overall category' }, ...framework.domains.map((d) => ({ code: d.code, name: d.name }))];
  const narrow = measured < 560;
  const minCell = 28;
  const labelWidth = narrow ? 0 : Math.min(240, Math.round(measured * 0.3));
  const width = Math.max(measured, labelWidth + assessments.length * minCell + 8);
  const { step: cellWidth, start: x } = slotAxis(assessments.map((_, index) => index), [labelWidth + 4, width - 4]);
  const cellHeight = narrow ? 28 : 34;
  const labelLines = rows.map((row) => (narrow ? [row.name] : wrapLabel(row.name, Math.max(12, Math.floor(labelWidth / 7.2)))));
  const rowLabelHeight = narrow ? 18 : 0;
  const rowHeights = rows.map((_, index) => Math.max(cellHeight, labelLines[index].length * 15 + 6) + rowLabelHeight);
  const overallGap = 12;
  const top = 6;
  const rowTops = rowHeights.reduce<number[]>((tops, _, index) => [...tops, index === 0 ? top : tops[index - 1] + rowHeights[index - 1] + (index === 1 ? overallGap : 4)], []);
  const gridBottom = rowTops[rows.length - 1] + rowHeights[rows.length - 1];
  const height = gridBottom + 30;
  // Period labels (about 76px wide) every few columns, counted back from the latest.
  const labelEvery = Math.max(1, Math.ceil(84 / cellWidth));
  const labelled = (index: number) => (assessments.length - 1 - index) % labelEvery === 0;
  const textFor = (category: AssuranceCategory) => (cellWidth >= 96 ? CATEGORY_SHORT[category] : CATEGORY_LETTER[category]);
  const showLetters = cellWidth < 96;
  const ratingOf = (assessment: ChartedAssessment, code: string): AssuranceCategory | null =>
    code === OVERALL ? assessment.category : (assessment.ratings.find((r) => r.domain === code)?.rating ?? null);
  const latest = assessments[assessments.length - 1];
  const title = `${subject}: ratings by ${areaTerm(framework)}, ${framework.name}`;
  const summary = `${assessments.length} ${assessments.length === 1 ? 'assessment' : 'assessments'} from ${assessments[0].periodLabel} to ${latest.periodLabel}. Latest (${latest.periodLabel}): overall ${
    latest.category ? CATEGORY_NAMES[latest.category] : 'not decided'
  }; ${framework.domains
    .map((d) => {
      const rating = ratingOf(latest, d.code);
      return `${d.name} ${rating ? CATEGORY_SHORT[rating] : 'not rated'}`;
    })
    .join('; ')}.`;

  return (
    <ChartFrame
      label={title}
      role="img"
      width={width}
      height={height}
      summary={summary}
      containerRef={containerRef}
      containerClassName="ccg-ratings-chart__scroll"
      containerProps={width > measured ? { tabIndex: 0, role: 'region', 'aria-label': `${title} (scrolls sideways)` } : undefined}
      figureClassName="ccg-ratings-chart"
      heading={headed && <h3 className="nhsuk-heading-s">{framework.name}</h3>}
      legend={<RatingsLegend letters={showLetters} patternId={id} />}
      table={<RatingsTable title={title} framework={framework} assessments={assessments} ratingOf={ratingOf} csvName={csvName} />}
    >
      <defs>
        <pattern id={`${id}-dots`} width="6" height="6" patternUnits="userSpaceOnUse">
          <circle cx="3" cy="3" r="1" fill="#212b32" fillOpacity="0.3" />
        </pattern>
        <pattern id={`${id}-hatch`} width="7" height="7" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="7" stroke="#000000" strokeOpacity="0.3" strokeWidth="2.5" />
        </pattern>
      </defs>
      {rows.map((row, rowIndex) => {
        const cellTop = rowTops[rowIndex] + rowLabelHeight;
        const cellH = rowHeights[rowIndex] - rowLabelHeight;
        return (
          <g key={row.code} data-row={row.code}>
            {narrow ? (
              <text x={4} y={rowTops[rowIndex] + 13} fontSize="13" fontWeight={rowIndex === 0 ? 700 : 400} fill="#212b32">
                {row.name}
              </text>
            ) : (
              <text x={0} y={rowTops[rowIndex] + rowHeights[rowIndex] / 2 - ((labelLines[rowIndex].length - 1) * 15) / 2} dy="0.35em" fontSize="14" fontWeight={rowIndex === 0 ? 700 : 400} fill="#212b32">
                {labelLines[rowIndex].map((line, lineIndex) => (
                  <tspan key={lineIndex} x={0} dy={lineIndex === 0 ? '0.35em' : 15}>
                    {line}
                  </tspan>
                ))}
              </text>
            )}
            {assessments.map((assessment, index) => {
              const rating = ratingOf(assessment, row.code);
              const cx = x(index);
              if (!rating) {
                return (
                  <g key={assessment.id} data-rating="NONE">
                    <rect x={cx + 1} y={cellTop + 1} width={cellWidth - 2} height={cellH - 2} fill="#ffffff" stroke="#768692" strokeDasharray="3 3" />
                    <text x={cx + cellWidth / 2} y={cellTop + cellH / 2} dy="0.35em" textAnchor="middle" fontSize="12" fill="#4c6272">
                      {cellWidth >= 40 ? '–' : ''}
                    </text>
                  </g>
                );
              }
              const colours = CATEGORY_COLOURS[rating];
              return (
                <g key={assessment.id} data-rating={rating}>
                  <rect x={cx + 1} y={cellTop + 1} width={cellWidth - 2} height={cellH - 2} rx="3" fill={colours.fill} />
                  {rating === 'LIMITED_ASSURANCE' && <rect x={cx + 1} y={cellTop + 1} width={cellWidth - 2} height={cellH - 2} rx="3" fill={`url(#${id}-dots)`} />}
                  {rating === 'NOT_ASSURED' && <rect x={cx + 1} y={cellTop + 1} width={cellWidth - 2} height={cellH - 2} rx="3" fill={`url(#${id}-hatch)`} />}
                  <text x={cx + cellWidth / 2} y={cellTop + cellH / 2} dy="0.35em" textAnchor="middle" fontSize="13" fontWeight="700" fill={colours.text}>
                    {textFor(rating)}
                  </text>
                </g>
              );
            })}
          </g>
        );
      })}
      <g aria-hidden="true">
        {assessments.map((assessment, index) =>
          labelled(index) ? (
            <text key={assessment.id} x={x(index) + cellWidth / 2} y={gridBottom + 20} textAnchor={index === assessments.length - 1 && cellWidth < 84 ? 'end' : 'middle'} fontSize="12" fill="#4c6272">
              {assessment.periodLabel}
            </text>
          ) : null,
        )}
      </g>
    </ChartFrame>
  );
}

function RatingsLegend({ letters, patternId }: { letters: boolean; patternId: string }) {
  return (
    <ul className="ccg-legend" aria-label="Key">
      {ASSURANCE_CATEGORY_CODES.map((category) => (
        <li key={category}>
          <Swatch width={22} height={16}>
            <rect x="0" y="0" width="22" height="16" rx="3" fill={CATEGORY_COLOURS[category].fill} />
            {category === 'LIMITED_ASSURANCE' && <rect x="0" y="0" width="22" height="16" rx="3" fill={`url(#${patternId}-dots)`} />}
            {category === 'NOT_ASSURED' && <rect x="0" y="0" width="22" height="16" rx="3" fill={`url(#${patternId}-hatch)`} />}
            {letters && (
              <text x="11" y="8" dy="0.35em" textAnchor="middle" fontSize="11" fontWeight="700" fill={CATEGORY_COLOURS[category].text}>
                {CATEGORY_LETTER[category]}
              </text>
            )}
          </Swatch>
          {CATEGORY_NAMES[category]}
        </li>
      ))}
    </ul>
  );
}

function RatingsTable({
  title,
  framework,
  assessments,
  ratingOf,
  csvName,
}: {
  title: string;
  framework: AssuranceFramework;
  assessments: readonly ChartedAssessment[];
  ratingOf: (assessment: ChartedAssessment, code: string) => AssuranceCategory | null;
  csvName: string;
}) {
  const name = (rating: AssuranceCategory | null) => (rating ? CATEGORY_NAMES[rating] : 'Not rated');
  const columns = ['Period', 'Assessed on', 'Overall category', ...framework.domains.map((d) => d.name)];
  const rows = assessments.map((a) => [a.periodLabel, a.assessedOn, name(a.category), ...framework.domains.map((d) => name(ratingOf(a, d.code)))]);
  return (
    <ChartDataDetails summary="Show the ratings as a table" csv={{ name: csvName, columns, rows, what: `${title} data` }}>
      <table className="nhsuk-table nhsuk-table--compact ccg-chart__table">
        <caption className="nhsuk-table__caption nhsuk-table__caption--s">{title}</caption>
        <thead className="nhsuk-table__head">
          <tr className="nhsuk-table__row">
            {columns.map((column) => (
              <th key={column} scope="col" className="nhsuk-table__header">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="nhsuk-table__body">
          {assessments.map((assessment) => (
            <tr key={assessment.id} className="nhsuk-table__row">
              <th scope="row" className="nhsuk-table__header ccg-nowrap">
                {assessment.periodLabel}
              </th>
              <td className="nhsuk-table__cell ccg-nowrap">{formatDate(assessment.assessedOn)}</td>
              <td className="nhsuk-table__cell">{name(assessment.category)}</td>
              {framework.domains.map((domain) => (
                <td key={domain.code} className="nhsuk-table__cell">
                  {name(ratingOf(assessment, domain.code))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ChartDataDetails>
  );
}
