import { Component, Suspense, type ErrorInfo, type ReactNode } from 'react';
import { Loading } from '../ui/loading';
import { isChunkLoadError } from './page-boundary';

/**
 * Where a part of a page that only some viewers use (an analyst's forms, say) is loaded, in its own script, when it
 * is first shown (issue 19 point 5: a reader who may not use it never downloads it). A polite loading message while
 * it comes, and, if it cannot be loaded or fails to show, a message in its place: the rest of the page stays.
 */
export function SectionBoundary({ loading, children }: { /** What is loading, for the status message: "Loading the forms". */ loading: string; children: ReactNode }) {
  return (
    <SectionErrorBoundary>
      <Suspense fallback={<Loading label={loading} />}>{children}</Suspense>
    </SectionErrorBoundary>
  );
}

class SectionErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A part of the page failed to load or show', error, info.componentStack);
  }

  override render() {
    if (this.state.error === null) return this.props.children;
    return (
      <p className="nhsuk-body" role="alert">
        {isChunkLoadError(this.state.error) ? 'This part of the page could not be loaded.' : 'Sorry, there is a problem showing this part of the page.'} Reload the page
        to try again.
      </p>
    );
  }
}
