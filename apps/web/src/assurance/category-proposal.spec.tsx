import { ASSURANCE_FRAMEWORK_2013_14, ASSURANCE_FRAMEWORK_2015_16 } from '@ccg-assure/domain';
import { render, screen } from '@testing-library/react';
import { CategoryProposalPanel, policySentence, proposalFor } from './category-proposal';

const allGood = { WELL_LED: 'GOOD', PERFORMANCE: 'GOOD', FINANCIAL_MANAGEMENT: 'GOOD', PLANNING: 'GOOD', DELEGATED_FUNCTIONS: 'GOOD' } as const;

describe('proposed category', () => {
  it('waits until every component is rated', () => {
    expect(proposalFor(ASSURANCE_FRAMEWORK_2015_16, { ...allGood, PLANNING: null })).toBeNull();
    render(<CategoryProposalPanel framework={ASSURANCE_FRAMEWORK_2015_16} ratings={{ WELL_LED: 'GOOD' }} />);
    expect(screen.getByText('Rate every component to see the proposed category (4 of 5 not rated yet).')).toBeInTheDocument();
  });

  it('shows the category and each step of the policy, marking the one that decides', () => {
    render(<CategoryProposalPanel framework={ASSURANCE_FRAMEWORK_2015_16} ratings={{ ...allGood, FINANCIAL_MANAGEMENT: 'NOT_ASSURED' }} />);
    expect(screen.getByText('Not assured', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(screen.getByTestId('proposal-reasons')).toHaveTextContent('Step 1: Not assured because Financial management is Not assured. (this step decides)');
  });

  it('says when the server proposes the same for the saved ratings, and when it does not', () => {
    const { rerender } = render(<CategoryProposalPanel framework={ASSURANCE_FRAMEWORK_2015_16} ratings={allGood} serverProposal="GOOD" saved />);
    expect(screen.getByText('The server proposes the same for the saved ratings.')).toBeInTheDocument();
    rerender(<CategoryProposalPanel framework={ASSURANCE_FRAMEWORK_2015_16} ratings={allGood} serverProposal="OUTSTANDING" saved />);
    expect(screen.getByRole('alert')).toHaveTextContent('The server proposes Outstanding for the saved ratings.');
  });

  it('states the policy with the framework’s own critical domains', () => {
    expect(policySentence(ASSURANCE_FRAMEWORK_2013_14)).toMatch(/^Not assured if Strong leadership or Robust governance is Not assured\. Otherwise Limited assurance if any domain is Not assured, or 2 or more/);
  });
});
