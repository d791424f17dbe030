import { render, screen } from '@testing-library/react';
import { FiguresNotice } from './figures-notice';

const ae = { name: 'A&E: four-hour wait, all department types', source: 'NHS England, A&E Attendances and Emergency Admissions (monthly return)', definedByImport: true };
// An indicator an administrator defined, with illustrative values (test data, not real figures).
const rtt = { name: 'RTT within 18 weeks (illustrative)', source: 'Illustrative test data', definedByImport: false };

describe('what the figures are', () => {
  it('calls the national return’s figures real, and nothing illustrative, when they are all that is shown', () => {
    render(<FiguresNotice indicators={[ae]} where="on this page" />);
    expect(screen.getByText('These are real figures, as published: NHS England, A&E Attendances and Emergency Admissions (monthly return). Nothing on this page is illustrative.')).toBeInTheDocument();
  });

  it('does not vouch for an indicator an administrator defined, and no longer says nothing is illustrative', () => {
    render(<FiguresNotice indicators={[ae, rtt]} where="on this page" />);
    expect(screen.getByText(/^A&E: four-hour wait, all department types: real figures, as published: NHS England/)).toBeInTheDocument();
    expect(screen.getByText(/^RTT within 18 weeks \(illustrative\): defined in this product, with values an analyst imported; their source as recorded: Illustrative test data\./)).toBeInTheDocument();
    expect(screen.queryByText(/Nothing on this page is illustrative/)).toBeNull();
  });
});
