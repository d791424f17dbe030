import { useEffect, useState } from 'react';

/**
 * Moves focus, after the next render, to the element with the given id: a confirmation as it opens, or the
 * button that opened it once it closes, so a keyboard or screen reader user is not left at the top of the page.
 */
export function useFocusAfterRender(): (id: string) => void {
  const [target, setTarget] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (target) document.getElementById(target.id)?.focus();
  }, [target]);
  return (id) => setTarget({ id });
}
