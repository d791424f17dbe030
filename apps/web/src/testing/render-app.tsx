import type { ApolloCache } from '@apollo/client';
import type { MockLink } from '@apollo/client/testing';
import { MockedProvider } from '@apollo/client/testing/react';
import { render } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { App, loadEveryPage } from '../app/app';
import { ViewerProvider } from '../auth/viewer';
import { ViewerQuery } from '../auth/viewer.operations';
import type { ViewerQuery as ViewerQueryResult } from '../gql/graphql';

export const demoCommissioningManager: NonNullable<ViewerQueryResult['me']> = {
  id: '3',
  username: 'demo-commissioning-manager',
  displayName: 'Demo Commissioning Manager',
  mustChangePassword: false,
  roles: [{ role: 'COMMISSIONING_MANAGER', organisation: { code: '02V', name: 'NHS LEEDS NORTH CCG' } }],
};

/** An NHS England administrator, who may administer everyone. */
export const demoAdmin: NonNullable<ViewerQueryResult['me']> = {
  id: '6',
  username: 'demo-admin',
  displayName: 'Demo Admin',
  mustChangePassword: false,
  roles: [{ role: 'ADMIN', organisation: { code: 'X24', name: 'NHS ENGLAND' } }],
};

export function viewerMock(me: ViewerQueryResult['me']): MockLink.MockedResponse {
  // The viewer's fields are a fragment: the cache matches it by __typename, which the API always sends.
  return { request: { query: ViewerQuery }, result: { data: { me: me && { __typename: 'Viewer', ...me } } } };
}

// Each page is its own module, loaded when first shown (app.tsx). A spec that renders the whole app loads them all
// first, as importing app.tsx once did, so that no test's time goes on loading modules; a page still appears a
// moment after render (findBy… waits for it).
beforeAll(loadEveryPage, 120_000);

/** The whole app at one address, on mocked GraphQL responses (and a cache already holding answers, if given). */
export function renderApp(path: string, mocks: MockLink.MockedResponse[], options: { cache?: ApolloCache } = {}) {
  return render(
    <MockedProvider mocks={mocks} cache={options.cache}>
      <MemoryRouter initialEntries={[path]}>
        <ViewerProvider>
          <App />
        </ViewerProvider>
      </MemoryRouter>
    </MockedProvider>,
  );
}
