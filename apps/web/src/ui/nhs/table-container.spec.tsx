import { render, screen } from '@testing-library/react';
import { TableContainer } from './table-container';

const table = (
  <table>
    <caption>Sessions</caption>
    <tbody>
      <tr>
        <td>One</td>
      </tr>
    </tbody>
  </table>
);

/** Makes every element report the widths given (jsdom lays nothing out). */
function widths(scrollWidth: number, clientWidth: number): () => void {
  const scroll = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth');
  const client = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
  Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => scrollWidth });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => clientWidth });
  return () => {
    if (scroll) Object.defineProperty(HTMLElement.prototype, 'scrollWidth', scroll);
    if (client) Object.defineProperty(HTMLElement.prototype, 'clientWidth', client);
  };
}

describe('NHS table container', () => {
  it('is a focusable region named by the caption while its table scrolls sideways (a phone), so a keyboard can scroll it', () => {
    const restore = widths(800, 343);
    try {
      render(<TableContainer>{table}</TableContainer>);
      const region = screen.getByRole('region', { name: 'Sessions' });
      expect(region).toHaveAttribute('tabindex', '0');
      expect(region).toHaveClass('nhsuk-table-container');
    } finally {
      restore();
    }
  });

  it('adds no tab stop and no region while the table fits', () => {
    const restore = widths(600, 600);
    try {
      const { container } = render(<TableContainer className="ccg-plan-grid">{table}</TableContainer>);
      expect(screen.queryByRole('region')).toBeNull();
      expect(container.firstElementChild).not.toHaveAttribute('tabindex');
      expect(container.firstElementChild).toHaveClass('nhsuk-table-container', 'ccg-plan-grid');
    } finally {
      restore();
    }
  });
});
