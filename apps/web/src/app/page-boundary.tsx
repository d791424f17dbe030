import { Component, Suspense, useEffect, useRef, type ErrorInfo, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Loading } from '../ui/loading';
import { Button } from '../ui/nhs';
import { usePageTitle } from '../ui/page-title';

/**
 * Where each page is loaded (every page is its own script, fetched when first visited: issue 19 point 5): a
 * polite loading message while it comes, and a way out (reload) if it cannot be loaded or fails to show. Moving to
 * another address shows that page.
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <PageErrorBoundary pathname={pathname}>
      <Suspense fallback={<Loading label="Loading the page" />}>{children}</Suspense>
    </PageErrorBoundary>
  );
}

/**
 * Whether an error is a page's script failing to arrive: after a release (the old files are gone), or with the
 * connection down. Browsers word it differently; Vite's preload helper adds its own for stylesheets.
 */
export function isChunkLoadError(error: unknown): boolean {
  return (
    error instanceof Error &&
    /dynamically imported module|importing a module script failed|unable to preload css|error loading dynamically imported module/i.test(error.message)
  );
}

type BoundaryState = { error: unknown; pathname: string };

class PageErrorBoundary extends Component<{ pathname: string; children: ReactNode }, BoundaryState> {
  override state: BoundaryState = { error: null, pathname: this.props.pathname };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(props: { pathname: string }, state: BoundaryState): Partial<BoundaryState> | null {
    // Another page: forget the last one's failure and try again.
    return props.pathname === state.pathname ? null : { error: null, pathname: props.pathname };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A page failed to load or show', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return <PageProblem chunkLoad={isChunkLoadError(this.state.error)} />;
  }
}

function PageProblem({ chunkLoad }: { chunkLoad: boolean }) {
  const heading = chunkLoad ? 'This page could not be loaded' : 'Sorry, there is a problem with the service';
  usePageTitle(heading);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <>
      <h1 className="nhsuk-heading-l" tabIndex={-1} ref={headingRef}>
        {heading}
      </h1>
      <p className="nhsuk-body">
        {chunkLoad
          ? 'The service may have been updated since you opened it, or your connection may have dropped.'
          : 'Something went wrong while showing this page.'}
      </p>
      <p className="nhsuk-body">Reload the page to try again. If it still does not load, try again later.</p>
      <Button type="button" onClick={() => window.location.reload()}>
        Reload the page
      </Button>
    </>
  );
}
