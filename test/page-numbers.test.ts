import { describe, expect, it } from 'vitest';
import { bareNumber, keepingStepWithPages, pageNumbersInSequence } from '../src/page-numbers.js';

const numbers = (...texts: string[]) => texts.map((t) => bareNumber(t)!);

describe('pageNumbersInSequence', () => {
  it('takes a run of three or more for page numbers, not two answers a step apart', () => {
    expect(pageNumbersInSequence(numbers('12', '14'))).toEqual([false, false]);
    expect(pageNumbersInSequence(numbers('3', '4', '12', '5', '31', '6'))).toEqual([true, true, false, true, false, true]);
  });

  it('finds references and page numbers interleaved, and leaves an answer that fits neither', () => {
    // Refs 23-27 of a table, page numbers 6-8 among them, and the answer "26" after ref 24.
    const found = pageNumbersInSequence(numbers('23', '6', '24', '26', '25', '7', '26', '27', '8'));
    expect(found).toEqual([true, true, true, false, true, true, true, true, true]);
  });

  it('takes "3 of 16" for a page number only where another page shows "of 16"', () => {
    expect(pageNumbersInSequence(numbers('24', '25 of 31', '25', '26'))).toEqual([true, false, true, true]);
    expect(pageNumbersInSequence(numbers('2 of 16', '3 of 16'))).toEqual([true, true]);
  });
});

describe('keepingStepWithPages', () => {
  it('takes numbers whose offset from the page index recurs, the one nearest the edge where a page has two', () => {
    const found = [
      { page: 3, value: 1, fromEdge: 0 },
      { page: 4, value: 2, fromEdge: 0 },
      { page: 7, value: 5, fromEdge: 1 },
      { page: 7, value: 5, fromEdge: 0 },
      { page: 8, value: 12, fromEdge: 1 },
    ];
    expect(keepingStepWithPages(found)).toEqual([found[0], found[1], found[3]]);
  });
});
