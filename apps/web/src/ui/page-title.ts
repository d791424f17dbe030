import { useEffect } from 'react';

/** Each page names itself in the browser tab and to screen readers (WCAG 2.4.2). */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} - CCG Assure`;
  }, [title]);
}
