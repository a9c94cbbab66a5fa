import { describe, expect, it } from 'vitest';
import { findSignOffDate, parseSignOffDate } from '../src/dates.js';

describe('parseSignOffDate', () => {
  it.each([
    ['09/01/2026', '2026-01-09'],
    ['9.1.26', '2026-01-09'],
    ['2023-03-14', '2023-03-14'],
    ['14th March 2023', '2023-03-14'],
    ['1 Sept 2021', '2021-09-01'],
    ['March 14, 2023', '2023-03-14'],
    ['August 2022', '2022-08'],
    ['08/2022', '2022-08'],
    ['2024/04/01', '2024-04-01'],
    ['Apr-24', '2024-04'],
    ['4-Dec-23', '2023-12-04'],
  ])('%s -> %s', (raw, iso) => expect(parseSignOffDate(raw)).toBe(iso));

  it.each(['31/02/2023', '13/13/2023', 'tbc', 'Signed by the SRO', '', 'decision 2024', 'Marked 2023', 'Covid-19', '2024/25'])('%s is not a date', (raw) => expect(parseSignOffDate(raw)).toBeNull());
});

describe('findSignOffDate', () => {
  it.each([
    ['28\u201101\u20112025', '2025-01-28'],
    ['Signed 28\u201101\u20112025 by the SRO', '2025-01-28'],
    ['09/01/2026 (reviewed)', '2026-01-09'],
    ['Approved 2024/04/01 by the SRO', '2024-04-01'],
    ['12th Febuary 2024', '2024-02-12'],
    ['14th Octobre 2023', '2023-10-14'],
  ])('%s -> %s', (raw, iso) => expect(findSignOffDate(raw)).toBe(iso));

  // A word that starts like a month is no month.
  it.each(['Delegated decision 2024/DD/031', 'Decision notice 2024', 'Mayor 2024', 'Juno 2024 meeting', 'Marching 2024', 'Augmented 2023'])('%s holds no date', (raw) => expect(findSignOffDate(raw)).toBeNull());
});
