import '@testing-library/jest-dom';

// nhsuk-frontend's components initialise only on a page that says it supports them.
if (typeof document !== 'undefined') document.body.classList.add('nhsuk-frontend-supported');
