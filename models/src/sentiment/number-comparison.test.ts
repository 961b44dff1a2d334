/** "A vs B": the first number above or below the second, as results tweets write it. */
import { describe, expect, it } from 'vitest';
import { numberComparisonFeatures } from './number-comparison.js';

describe('numberComparisonFeatures', () => {
  it('says whether the first number is above or below the second', () => {
    expect(numberComparisonFeatures('$ABC Q3 EPS $1.10 vs. $0.95 consensus')).toEqual(['cmp:gt']);
    expect(numberComparisonFeatures("Macy's Q3 EPS 1 cent vs. 20 cents")).toEqual(['cmp:lt']);
    expect(numberComparisonFeatures('Revenue 1,250M versus 980M expected')).toEqual(['cmp:gt']);
    expect(numberComparisonFeatures('Unemployment rate 4.9% vs 4.1%')).toEqual(['cmp:gt']);
    expect(numberComparisonFeatures('EPS -0.20 vs -0.10')).toEqual(['cmp:lt']);
  });

  it('gives nothing for equal numbers, no comparison, or a comparison of words', () => {
    expect(numberComparisonFeatures('EPS 0.50 vs 0.50')).toEqual([]);
    expect(numberComparisonFeatures('Stocks rise 2% on jobs data')).toEqual([]);
    expect(numberComparisonFeatures('Apple vs Samsung: the 2020 phone war')).toEqual([]);
  });
});
