import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GraphQLError } from 'graphql';
import { renderApp, viewerMock } from '../testing/render-app';
import { ALL_GOOD, assessmentFixture, assessorViewer, ccgViewer, seenBy } from './assurance.fixtures';
import { AddAssessmentEvidenceMutation, AssessmentQuery, AssuranceTriggersQuery, CommentOnAssessmentMutation, DecideAssessmentCategoryMutation, PublishAssessmentMutation, RateAssessmentMutation } from './assessment.operations';
import type { StoredAssessment } from './assessment.fragment';

const assessmentQuery = (assessment: StoredAssessment) => ({ request: { query: AssessmentQuery, variables: { id: assessment.id } }, result: { data: { assessment } } });

const triggersQuery = {
  request: { query: AssuranceTriggersQuery, variables: { ccg: '02V' } },
  result: {
    data: {
      assuranceTriggers: {
        __typename: 'AssuranceTriggers',
        scorecardAsOf: '2016-01-01',
        providersConsidered: ['RR8'],
        providersBasis: 'CONTRACTS',
        triggers: [
          {
            __typename: 'AssuranceTrigger',
            kind: 'INDICATOR_CONSISTENTLY_FAILING',
            title: 'RR8 A&E four-hour wait consistently fails its standard',
            detail: 'Upper process limit 91.2% is below the 95% standard.',
            source: { __typename: 'AssuranceTriggerSource', kind: 'SCORECARD', providerCode: 'RR8', indicatorCode: 'AE_4HR_ALL', period: '2016-01-01', planId: null, financialYear: null, month: null, assessmentId: null, quarterLabel: null },
            evidenceKind: 'SCORECARD_INDICATOR',
            evidenceReference: 'RR8/AE_4HR_ALL',
          },
        ],
      },
    },
  },
};

async function openAssessment(viewer: typeof assessorViewer, assessment: StoredAssessment, more: object[] = []) {
  renderApp(`/assurance/assessments/${assessment.id}`, [viewerMock(viewer), assessmentQuery(assessment), triggersQuery, ...(more as never[])]);
  await screen.findByRole('heading', { level: 1, name: /2015\/16 Q2 assessment/ });
}

const ratingGroup = (name: string) => screen.getByRole('group', { name: `Rating: ${name}` });
const decisionGroup = () => screen.getByRole('group', { name: 'Overall category' });
const proposalPanel = () => screen.getByRole('region', { name: 'Proposed category' });

describe('assessment form', () => {
  it('proposes the category live as ratings change, with the policy step that decides it', async () => {
    await openAssessment(assessorViewer, assessmentFixture({ ratings: ALL_GOOD }));
    expect(within(proposalPanel()).getByText('Good', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(within(proposalPanel()).getByTestId('proposal-reasons')).toHaveTextContent('Step 4: Good because no earlier step applied.');

    await userEvent.click(within(ratingGroup('Financial management')).getByRole('radio', { name: 'Not assured' }));
    expect(within(proposalPanel()).getByText('Not assured', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(within(proposalPanel()).getByTestId('proposal-reasons')).toHaveTextContent('Step 1: Not assured because Financial management is Not assured.');

    await userEvent.click(within(ratingGroup('Financial management')).getByRole('radio', { name: 'Limited assurance (requires improvement)' }));
    await userEvent.click(within(ratingGroup('Planning')).getByRole('radio', { name: 'Limited assurance (requires improvement)' }));
    expect(within(proposalPanel()).getByText('Limited assurance (requires improvement)', { selector: '.nhsuk-tag' })).toBeInTheDocument();
    expect(within(proposalPanel()).getByTestId('proposal-reasons')).toHaveTextContent('2 domains are Limited assurance (Financial management, Planning; threshold 2)');
  });

  it('says the server proposes the same for the saved ratings, and shows the triggers with where they came from', async () => {
    await openAssessment(assessorViewer, assessmentFixture({ ratings: ALL_GOOD }));
    expect(within(proposalPanel()).getByText('The server proposes the same for the saved ratings.')).toBeInTheDocument();
    const triggers = screen.getByRole('region', { name: 'Triggers' });
    expect(await within(triggers).findByText('RR8 A&E four-hour wait consistently fails its standard')).toBeInTheDocument();
    expect(within(triggers).getByText('Provider indicator consistently failing (1)').closest('details')).toHaveAttribute('open');
    expect(within(triggers).getByRole('link', { name: 'Open the provider’s scorecard (RR8)' })).toHaveAttribute('href', '/providers/RR8#AE_4HR_ALL');
    expect(within(triggers).getByRole('button', { name: /Cite as evidence/ })).toBeEnabled();
    expect(within(triggers).getByText(/for the 1 providers this CCG holds contracts with for the year/)).toBeInTheDocument();
  });

  it('requires a rationale when the decision differs from the proposal, and sends nothing without it', async () => {
    await openAssessment(assessorViewer, assessmentFixture({ ratings: ALL_GOOD }));
    expect(screen.getByLabelText('Rationale (optional)')).not.toBeRequired();
    await userEvent.click(within(decisionGroup()).getByRole('radio', { name: 'Outstanding' }));
    const rationale = screen.getByLabelText('Rationale');
    expect(rationale).toBeRequired();
    expect(rationale).toHaveAccessibleDescription(/Required: your decision \(Outstanding\) differs from the proposed category \(Good\)/);

    await userEvent.click(screen.getByRole('button', { name: 'Save the draft' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('Give your rationale: your decision (Outstanding) differs from the proposed category (Good)');
    expect(within(summary).getByRole('link')).toHaveAttribute('href', '#rationale');
    expect(screen.queryByText('The draft is saved.')).not.toBeInTheDocument();
  });

  it('saves the ratings then the decision, each with the version it read', async () => {
    const start = assessmentFixture({ ratings: { ...ALL_GOOD, PLANNING: undefined }, version: 3 });
    const rated = assessmentFixture({ ratings: { ...ALL_GOOD, PLANNING: 'OUTSTANDING' }, version: 4 });
    const decided = assessmentFixture({ ratings: { ...ALL_GOOD, PLANNING: 'OUTSTANDING' }, version: 5, decided: 'GOOD' });
    await openAssessment(assessorViewer, start, [
      {
        request: {
          query: RateAssessmentMutation,
          variables: { input: { assessmentId: 'a2', expectedVersion: 3, ratings: [{ domain: 'PLANNING', rating: 'OUTSTANDING', narrative: 'Five-year plan signed off with partners.' }] } },
        },
        result: { data: { rateAssessment: rated } },
      },
      {
        request: { query: DecideAssessmentCategoryMutation, variables: { input: { assessmentId: 'a2', expectedVersion: 4, category: 'GOOD', rationale: null } } },
        result: { data: { decideAssessmentCategory: decided } },
      },
    ]);
    await userEvent.click(within(ratingGroup('Planning')).getByRole('radio', { name: 'Outstanding' }));
    await userEvent.type(within(screen.getByRole('region', { name: 'Planning' })).getByLabelText('Narrative: why this rating'), 'Five-year plan signed off with partners.');
    await userEvent.click(within(decisionGroup()).getByRole('radio', { name: 'Good (proposed)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the draft' }));
    expect(await screen.findByText('The draft is saved.')).toBeInTheDocument();
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish the assessment' })).toBeEnabled();
  }, 20_000); // types a sentence key by key, each key re-rendering the whole form: slow on a busy machine

  it('saves a decision that differs from the proposal with its rationale', async () => {
    const rated = assessmentFixture({ ratings: ALL_GOOD, version: 4 });
    const decided = assessmentFixture({ ratings: ALL_GOOD, version: 5, decided: 'LIMITED_ASSURANCE', rationale: 'Deficit growing month on month.' });
    await openAssessment(assessorViewer, rated, [
      {
        request: {
          query: DecideAssessmentCategoryMutation,
          variables: { input: { assessmentId: 'a2', expectedVersion: 4, category: 'LIMITED_ASSURANCE', rationale: 'Deficit growing month on month.' } },
        },
        result: { data: { decideAssessmentCategory: decided } },
      },
    ]);
    await userEvent.click(within(decisionGroup()).getByRole('radio', { name: 'Limited assurance (requires improvement)' }));
    await userEvent.type(screen.getByLabelText('Rationale'), 'Deficit growing month on month.');
    await userEvent.click(screen.getByRole('button', { name: 'Save the draft' }));
    expect(await screen.findByText('The draft is saved.')).toBeInTheDocument();
    expect(screen.getByLabelText('Rationale')).toHaveValue('Deficit growing month on month.');
  });

  it('cites a trigger as evidence, and checks evidence entered by hand before sending it', async () => {
    const start = assessmentFixture({ ratings: ALL_GOOD, version: 3 });
    const cited = assessmentFixture({
      ratings: ALL_GOOD,
      version: 4,
      evidence: [
        {
          __typename: 'AssessmentEvidence',
          id: 'ev1',
          kind: 'SCORECARD_INDICATOR',
          partner: null,
          domain: null,
          reference: 'RR8/AE_4HR_ALL',
          url: null,
          note: 'RR8 A&E four-hour wait consistently fails its standard',
          addedBy: { __typename: 'AssuranceActor', displayName: 'Demo Assessor' },
          addedAt: '2016-02-15T10:00:00.000Z',
        },
      ] as never,
    });
    await openAssessment(assessorViewer, start, [
      {
        request: {
          query: AddAssessmentEvidenceMutation,
          variables: {
            input: {
              assessmentId: 'a2',
              expectedVersion: 3,
              kind: 'SCORECARD_INDICATOR',
              partner: null,
              domain: null,
              reference: 'RR8/AE_4HR_ALL',
              url: null,
              note: 'RR8 A&E four-hour wait consistently fails its standard',
            },
          },
        },
        result: { data: { addAssessmentEvidence: cited } },
      },
    ]);
    const triggers = screen.getByRole('region', { name: 'Triggers' });
    await userEvent.click(await within(triggers).findByRole('button', { name: /Cite as evidence/ }));
    expect(await screen.findByText('The evidence is added.')).toBeInTheDocument();
    expect(within(triggers).getByText('Cited as evidence')).toBeInTheDocument();
    const general = screen.getByRole('region', { name: 'Evidence for the whole assessment' });
    expect(within(general).getByRole('link', { name: 'RR8/AE_4HR_ALL' })).toHaveAttribute('href', '/providers/RR8#AE_4HR_ALL');

    await userEvent.selectOptions(screen.getByLabelText('Where it comes from'), 'Partner report');
    await userEvent.type(screen.getByLabelText('Link (optional)'), 'javascript:alert(1)');
    await userEvent.click(screen.getByRole('button', { name: 'Add the evidence' }));
    expect(screen.getByText('Select the partner whose report it is', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(screen.getByText('Enter a link starting https:// or http://', { selector: '.nhsuk-error-message' })).toBeInTheDocument();
    expect(screen.getByLabelText('Partner')).toHaveFocus();
  });

  it('on CONFLICT keeps the ratings on screen and loads the latest version on request', async () => {
    const mine = assessmentFixture({ ratings: ALL_GOOD, version: 3 });
    const theirs = assessmentFixture({ ratings: { ...ALL_GOOD, PERFORMANCE: 'LIMITED_ASSURANCE' }, version: 4 });
    const stale = new GraphQLError('The assessment has changed since it was read.', { extensions: { code: 'CONFLICT', reason: 'STALE_VERSION' } });
    await openAssessment(assessorViewer, mine, [
      { request: { query: RateAssessmentMutation, variables: () => true }, result: { errors: [stale] } },
      assessmentQuery(theirs),
    ]);
    await userEvent.click(within(ratingGroup('Well led')).getByRole('radio', { name: 'Outstanding' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save the draft' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The assessment changed');
    expect(alert).toHaveTextContent('Someone else changed this assessment since you opened it. Your changes are still on screen.');
    expect(within(ratingGroup('Well led')).getByRole('radio', { name: 'Outstanding' })).toBeChecked();
    await waitFor(() => expect(document.activeElement).toBe(alert));

    await userEvent.click(within(alert).getByRole('button', { name: /Load the latest version/ }));
    await waitFor(() => expect(within(ratingGroup('Performance')).getByRole('radio', { name: 'Limited assurance (requires improvement)' })).toBeChecked());
    expect(within(ratingGroup('Well led')).getByRole('radio', { name: 'Good' })).toBeChecked();
  });

  it('publishes only after the confirmation step, then shows it read-only', async () => {
    const decided = assessmentFixture({ ratings: ALL_GOOD, version: 5, decided: 'GOOD' });
    const published = assessmentFixture({ ratings: ALL_GOOD, version: 6, decided: 'GOOD', status: 'PUBLISHED' });
    await openAssessment(assessorViewer, decided, [
      { request: { query: PublishAssessmentMutation, variables: { input: { assessmentId: 'a2', expectedVersion: 5 } } }, result: { data: { publishAssessment: published } } },
    ]);
    await userEvent.click(screen.getByRole('button', { name: 'Publish the assessment' }));
    const confirm = await screen.findByRole('heading', { name: 'Publish the 2015/16 Q2 assessment of NHS Leeds North CCG?' });
    await waitFor(() => expect(document.activeElement).toBe(confirm));
    expect(screen.getByText(/Once published it cannot be changed, and anyone can read it without signing in/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: /^Publish the 2015\/16 Q2/ })).not.toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Publish the assessment' }));
    await userEvent.click(screen.getByRole('button', { name: 'Yes, publish it' }));

    expect(await screen.findByRole('heading', { name: 'The assessment is published' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See the public assurance page' })).toHaveAttribute('href', '/public/assurance/02V');
    expect(screen.queryByRole('button', { name: 'Save the draft' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });

  it('cannot be published while changes are unsaved or the category is undecided', async () => {
    await openAssessment(assessorViewer, assessmentFixture({ ratings: ALL_GOOD }));
    expect(screen.getByRole('button', { name: 'Publish the assessment' })).toBeDisabled();
    expect(screen.getByText('Decide the overall category and save it before publishing.')).toBeInTheDocument();
  });

  it('offers only what the API lists in availableActions, whatever the status and roles', async () => {
    // A draft the API lets this assessor only rate: no decision, evidence form or publishing.
    await openAssessment(assessorViewer, { ...assessmentFixture({ ratings: ALL_GOOD }), availableActions: ['RATE'] });
    expect(ratingGroup('Well led')).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Overall category' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add the evidence' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Publish the assessment' })).not.toBeInTheDocument();
    const triggers = screen.getByRole('region', { name: 'Triggers' });
    expect(await within(triggers).findByText('RR8 A&E four-hour wait consistently fails its standard')).toBeInTheDocument();
    expect(within(triggers).queryByRole('button', { name: /Cite as evidence/ })).not.toBeInTheDocument();
  });

  it('shows a draft the viewer may not change as a draft to read', async () => {
    await openAssessment(assessorViewer, seenBy([], assessmentFixture({ ratings: ALL_GOOD })));
    expect(screen.getByText('This assessment is a draft: NHS England may still change it. It is not public.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Add a response')).not.toBeInTheDocument();
  });

  it('is read-only for the CCG’s own users, who can respond with a comment', async () => {
    const published = seenBy(['CCG_USER'], assessmentFixture({ ratings: ALL_GOOD, decided: 'GOOD', status: 'PUBLISHED' }));
    const answered = { ...published, comments: [{ __typename: 'AssessmentComment', id: 'c1', author: { __typename: 'AssuranceActor', displayName: 'Demo Finance Officer' }, text: 'We accept the rating.', createdAt: '2015-08-01T09:00:00.000Z' }] };
    await openAssessment(ccgViewer, published, [
      { request: { query: CommentOnAssessmentMutation, variables: { input: { assessmentId: 'a2', text: 'We accept the rating.' } } }, result: { data: { commentOnAssessment: answered } } },
    ]);
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save the draft' })).not.toBeInTheDocument();
    expect(screen.getByText('No responses yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Add a response'), 'We accept the rating.');
    await userEvent.click(screen.getByRole('button', { name: 'Add the response' }));
    expect(await screen.findByText('Your response is added.')).toBeInTheDocument();
    expect(screen.getByText('We accept the rating.', { selector: 'p' })).toBeInTheDocument();
  });

});
