import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, type ComponentType } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { isChunkLoadError, PageBoundary } from './page-boundary';
import { quietConsoleErrors } from '../testing/quiet-console-errors';

/** A page whose script never arrives, as Chromium words it after a release has replaced the file. */
const Missing = lazy<ComponentType>(() => Promise.reject(new TypeError('Failed to fetch dynamically imported module: http://localhost/assets/contract-page-Bx1.js')));
const Arriving = lazy(async () => ({ default: () => <h1>Contracts</h1> }));
function Broken(): never {
  throw new Error('Cannot read properties of undefined');
}

function renderAt(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <nav>
        <Link to="/contracts">Contracts</Link>
      </nav>
      <PageBoundary>
        <Routes>
          <Route path="/missing" element={<Missing />} />
          <Route path="/broken" element={<Broken />} />
          <Route path="/contracts" element={<Arriving />} />
        </Routes>
      </PageBoundary>
    </MemoryRouter>,
  );
}

describe('where each page is loaded', () => {
  quietConsoleErrors();

  it('says politely that the page is loading, then shows it', async () => {
    renderAt('/contracts');
    expect(screen.getByRole('status')).toHaveTextContent('Loading the page…');
    expect(await screen.findByRole('heading', { level: 1, name: 'Contracts' })).toBeInTheDocument();
    expect(screen.queryByRole('status')).not.toBeInTheDocument();
  });

  it('when the page’s script cannot be fetched, says so, offers a reload and puts focus on the heading', async () => {
    renderAt('/missing');
    const heading = await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' });
    expect(heading).toHaveFocus();
    expect(screen.getByText(/may have been updated since you opened it/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
    expect(document.title).toBe('This page could not be loaded - CCG Assure');
  });

  it('when a page fails while showing, says there is a problem rather than leaving a blank page', async () => {
    renderAt('/broken');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sorry, there is a problem with the service' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });

  it('shows the next page the visitor moves to', async () => {
    renderAt('/missing');
    await screen.findByRole('heading', { level: 1, name: 'This page could not be loaded' });
    await userEvent.click(screen.getByRole('link', { name: 'Contracts' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Contracts' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Reload the page' })).not.toBeInTheDocument();
  });

  it('knows a failed script load by each browser’s words, and nothing else by them', () => {
    expect(isChunkLoadError(new TypeError('Failed to fetch dynamically imported module: https://x/assets/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('error loading dynamically imported module: https://x/assets/a.js'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Importing a module script failed.'))).toBe(true);
    expect(isChunkLoadError(new Error('Unable to preload CSS for /assets/a.css'))).toBe(true);
    expect(isChunkLoadError(new TypeError('Cannot read properties of undefined'))).toBe(false);
    expect(isChunkLoadError('Failed to fetch dynamically imported module')).toBe(false);
  });
});
