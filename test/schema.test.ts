import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JSON_SCHEMAS, jsonSchemaText } from '../src/json-schema.js';
import { AnswerSchema } from '../src/schema.js';

describe('published JSON Schemas', () => {
  for (const [file, schema] of Object.entries(JSON_SCHEMAS)) {
    it(`${file} is what the zod schema derives (run npm run schema after changing it)`, () => {
      expect(readFileSync(file, 'utf8')).toBe(jsonSchemaText(schema));
    });
  }
});

describe('answer invariants', () => {
  const base = {
    id: 'P2.1',
    principle: 2,
    index: 1,
    number: 1,
    question: 'q',
    printedQuestion: 'q',
    type: 'yesno',
    choice: null,
    text: null,
    status: 'missing',
    reason: 'no box ticked',
    confidence: 0.9,
    evidence: { kind: 'none', source: null, quote: null, provenance: null },
    provenance: { question: null, text: null },
  };
  it('accepts a well-formed missing answer', () => expect(AnswerSchema.safeParse(base).success).toBe(true));
  it('rejects a choice without evidence', () => expect(AnswerSchema.safeParse({ ...base, choice: 'yes', status: 'answered', reason: null }).success).toBe(false));
  it('rejects a missing answer without a reason', () => expect(AnswerSchema.safeParse({ ...base, reason: null }).success).toBe(false));
  it('rejects N/A outside the drone question', () =>
    expect(AnswerSchema.safeParse({ ...base, choice: 'na', status: 'answered', evidence: { ...base.evidence, kind: 'inferred' } }).success).toBe(false));
});
