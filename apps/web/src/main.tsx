import 'nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css';
import './app/app.css';
import { ApolloProvider } from '@apollo/client/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app/app';
import { createApolloClient } from './app/apollo-client';
import { ViewerProvider } from './auth/viewer';

// The NHS.UK frontend's "JavaScript is on" classes, set here rather than by an inline script: the
// Content-Security-Policy allows no inline script (docs/decisions/0017-security-headers.md).
document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');

const client = createApolloClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ApolloProvider client={client}>
      <BrowserRouter>
        <ViewerProvider>
          <App />
        </ViewerProvider>
      </BrowserRouter>
    </ApolloProvider>
  </StrictMode>,
);
