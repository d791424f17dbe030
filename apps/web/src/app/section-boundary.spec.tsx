import { render, screen } from '@testing-library/react';
import { lazy, type ComponentType } from 'react';
import { SectionBoundary } from './section-boundary';
import { quietConsoleErrors } from '../testing/quiet-console-errors';

/** A part whose script never arrives, as Chromium words it after a release has replaced the file. */
const Missing = lazy<ComponentType>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/local-target-forms-Bx1.js')));
const Arriving = lazy(async () => ({ default: () => <form aria-label="Local target" /> }));
function Broken(): never {
  throw new Error('Cannot read properties of undefined');
}

function renderPart(part: ComponentType) {
  const Part = part;
  return render(
    <main>
      <h1>LEEDS TEACHING HOSPITALS NHS TRUST</h1>
      <SectionBoundary loading="Loading the forms">
        <Part />
      </SectionBoundary>
    </main>,
  );
}

describe('where a part of a page is loaded', () => {
  quietConsoleErrors();

  it('says politely that the part is loading, then shows it', async () => {
    renderPart(Arriving);
    expect(screen.getByRole('status')).toHaveTextContent('Loading the forms…');
    expect(await screen.findByRole('form', { name: 'Local target' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('when the part’s script cannot be fetched, says so in its place and keeps the rest of the page', async () => {
    renderPart(Missing);
    expect(await screen.findByRole('alert')).toHaveTextContent('This part of the page could not be loaded. Reload the page to try again.');
    expect(screen.getByRole('heading', { level: 1, name: 'LEEDS TEACHING HOSPITALS NHS TRUST' })).toBeInTheDocument();
  });

  it('when the part fails while showing, says there is a problem in its place', async () => {
    renderPart(Broken);
    expect(await screen.findByRole('alert')).toHaveTextContent('Sorry, there is a problem showing this part of the page. Reload the page to try again.');
    expect(screen.getByRole('heading', { level: 1 })).toBeInTheDocument();
  });
});
