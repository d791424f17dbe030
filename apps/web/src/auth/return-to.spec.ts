import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it.each([
    ['/providers', '/providers'],
    ['/finance?year=2015%2F16', '/finance?year=2015%2F16'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['/sign-in?returnTo=/x', '/'],
  ])('sends %p to %p', (input, expected) => {
    expect(safeReturnTo(input)).toBe(expected);
  });
});
