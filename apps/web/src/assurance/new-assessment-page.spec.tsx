import { screen } from '@testing-library/react';
import { renderApp, viewerMock } from '../testing/render-app';
import { assessorViewer } from './assurance.fixtures';

describe('starting an assessment', () => {
  afterEach(() => jest.useRealTimers());

  it('reads today in England: at 00:30 BST on 1 April it is already the new financial year', async () => {
    // 23:30 UTC on 31 March 2016 is 00:30 on 1 April in London.
    jest.useFakeTimers({ now: new Date('2016-03-31T23:30:00Z'), advanceTimers: true });
    renderApp('/assurance/assessments/new?ccg=02v', [viewerMock(assessorViewer)]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Start an assessment' })).toBeInTheDocument();
    expect(screen.getByLabelText('Financial year')).toHaveValue('2016/17');
    expect(screen.getByLabelText('Day of the assessment')).toHaveValue('2016-04-01');
    expect(screen.getByLabelText('Day of the assessment')).toHaveAttribute('max', '2016-04-01');
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['2016/17', '2015/16', '2014/15', '2013/14']);
  });

  it('names the quarters of the year by their months', async () => {
    renderApp('/assurance/assessments/new?ccg=02V', [viewerMock(assessorViewer)]);
    expect(await screen.findByRole('radio', { name: 'Quarter 1: April to June' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: 'Quarter 4: January to March' })).toBeInTheDocument();
    expect(screen.getByLabelText('CCG', { exact: true })).toHaveValue('02V');
  });
});
