import { useQuery } from '@apollo/client/react';
import { createContext, useContext, type ReactNode } from 'react';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';
import { ViewerQuery } from './viewer.operations';

export type Viewer = NonNullable<ViewerQueryResult['me']>;

interface ViewerState {
  viewer: Viewer | null;
  loading: boolean;
  error: unknown;
}

const ViewerContext = createContext<ViewerState>({ viewer: null, loading: true, error: undefined });

/** Asks the API once who is signed in; sign-in and sign-out refetch it. */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const { data, loading, error } = useQuery(ViewerQuery);
  return <ViewerContext.Provider value={{ viewer: data?.me ?? null, loading: loading && !data, error }}>{children}</ViewerContext.Provider>;
}

export function useViewer(): ViewerState {
  return useContext(ViewerContext);
}
