import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// nhsuk-frontend's components initialise only on a page that says it supports them.
if (typeof document !== 'undefined') document.body.classList.add('nhsuk-frontend-supported');

// findBy* and waitFor wait up to 5 s rather than 1 s: on a busy 2-core CI machine a page's mocked
// queries can take longer than a second to settle, and a slow pass is still a pass.
configure({ asyncUtilTimeout: 5000 });
