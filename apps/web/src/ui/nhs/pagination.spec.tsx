import { pageNumbers } from './pagination';

describe('pageNumbers', () => {
  it('numbers the first, the last, the current page and its neighbours, with a gap where pages are left out', () => {
    expect(pageNumbers(1, 1)).toEqual([1]);
    expect(pageNumbers(1, 3)).toEqual([1, 2, 3]);
    expect(pageNumbers(5, 9)).toEqual([1, null, 4, 5, 6, null, 9]);
    expect(pageNumbers(9, 9)).toEqual([1, null, 8, 9]);
    expect(pageNumbers(2, 9)).toEqual([1, 2, 3, null, 9]);
  });
});
