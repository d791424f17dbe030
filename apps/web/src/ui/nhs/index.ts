// The NHS.UK design system's components as this app uses them: nhsuk-frontend's markup and classes, written
// here so that we control it (docs/decisions: NHS.UK components).
export { Button } from './button';
export { Details, InsetText, WarningCallout } from './content';
export { DateInput, dateFieldToFix, dateInputExample, dateInputProblem, dateProblemFor } from './date-input';
export { ErrorSummary } from './error-summary';
export { Fieldset } from './fieldset';
export { FormGroup, problemFor, refusalProblem, type FormProblem } from './form-parts';
export { Footer } from './footer';
export { Pagination } from './pagination';
export { Header, HeaderAccount, HeaderAccountButton, HeaderAccountItem, HeaderAccountLink, HeaderNavigation, HeaderNavigationItem } from './header';
export { MonthSelect } from './month-select';
export { Radios } from './radios';
export { SkipLink } from './skip-link';
export { TableContainer } from './table-container';
export { TextInput } from './text-input';
