import { financialYearOf, parseFinancialYear } from '@ccg-assure/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { assessableYears, englandReportPath } from './assurance-access';

/** The England annual assurance report for a year the person picks: first the year of the latest published assessment, when known. */
export function EnglandReportLink({ asOf, latestAssessedOn = null }: { asOf: string; latestAssessedOn?: string | null }) {
  const years = assessableYears(asOf);
  const [year, setYear] = useState(() => (latestAssessedOn ? financialYearOf(latestAssessedOn) : (years[0] ?? financialYearOf(asOf))).label);
  return (
    <p className="nhsuk-body ccg-report-link">
      <label htmlFor="england-report-year">England annual assurance report for</label>{' '}
      <select className="nhsuk-select ccg-select--compact" id="england-report-year" value={year} onChange={(event) => setYear(event.currentTarget.value)}>
        {years.map((option) => (
          <option key={option.label} value={option.label}>
            {option.label}
          </option>
        ))}
      </select>{' '}
      <Link to={englandReportPath(parseFinancialYear(year))}>
        Open the report<span className="nhsuk-u-visually-hidden"> for {year}</span>
      </Link>
    </p>
  );
}
