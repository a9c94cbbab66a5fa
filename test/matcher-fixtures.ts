/** Helpers the matcher's tests share. */
import { expect } from 'vitest';
import { DEFAULT_TEXT_STYLE, renderText, type TextStyle } from '../corpus/build/text.js';
import { expectedFromSpec, type CaseSpec } from '../corpus/build/spec.js';
import { extract } from '../src/extract.js';
import type { ExtractRecord } from '../src/schema.js';

export const enc = (s: string) => new TextEncoder().encode(s);

export async function run(text: string, name = 'doc.txt'): Promise<ExtractRecord> {
  return extract(enc(text), { path: name });
}

export async function render(spec: CaseSpec, style: Partial<TextStyle> = {}): Promise<ExtractRecord> {
  return run(renderText(spec, { ...DEFAULT_TEXT_STYLE, ...style }));
}

export const answer = (r: ExtractRecord, id: string) => r.answers.find((a) => a.id === id)!;

/** Every choice, status and text agrees with what the spec says. */
export function expectMatchesSpec(r: ExtractRecord, spec: CaseSpec): void {
  const expected = expectedFromSpec(spec);
  const got = r.answers.map((a) => ({ id: a.id, choice: a.choice, text: a.text, status: a.status }));
  expect(got).toEqual(expected.answers);
  expect(r.actionPlans.map((p) => ({ principle: p.principle, text: p.text }))).toEqual(expected.actionPlans);
  const { name, scope, seniorResponsibleOfficer, position, signOffDate } = r.organisation;
  expect({ name, scope, seniorResponsibleOfficer, position, signOffDate }).toEqual(expected.organisation);
}
