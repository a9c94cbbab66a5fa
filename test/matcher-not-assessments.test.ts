import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { NormalisedDocument } from '../src/document.js';
import { ExtractError } from '../src/errors.js';
import { match } from '../src/matcher/index.js';
import { extract } from '../src/extract.js';
import { run } from './matcher-fixtures.js';

describe('documents that are not self-assessments', () => {
  it('rejects a published CCTV policy PDF that quotes the principles and mentions the tool', async () => {
    const bytes = new Uint8Array(readFileSync('corpus/bad/not-an-assessment-cctv-policy.pdf'));
    const error = await extract(bytes, { path: 'policy.pdf' }).catch((e: unknown) => e);
    expect((error as ExtractError).code).toBe('not-self-assessment');
  });

  it('rejects a policy that quotes the twelve principles', async () => {
    const policy = [
      'CCTV Policy',
      'This policy explains how the council operates its public space CCTV.',
      'Principle 1',
      'Use of a surveillance camera system must always be for a specified purpose which is in pursuit of a legitimate aim and necessary to meet an identified pressing need.',
      'Principle 2',
      'The use of a surveillance camera system must take into account its effect on individuals and their privacy, with regular reviews to ensure its use remains justified.',
      'Retention: footage is kept for 31 days.',
    ].join('\n');
    const error = await run(policy).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ExtractError);
    expect((error as ExtractError).code).toBe('not-self-assessment');
    expect((error as ExtractError).message).toMatch(/found \d+ of 75 template questions and 2 of 12 principle headings/);
  });
});

describe('documents whose text cannot be read', () => {
  it('says a text layer of glyph codes needs OCR, not that the document is no self-assessment', async () => {
    // A PDF printed through a driver that kept only its glyphs' codes reads as punctuation, line after line.
    const codes = Array.from({ length: 120 }, (_, i) => ['!"# $', '$ ""#', '#   "', '% & \'!'][i % 4]).join('\n');
    const doc: NormalisedDocument = { format: 'pdf', pages: 4, diagnostics: [], blocks: codes.split('\n').map((text, i) => ({ kind: 'paragraph', text, provenance: { page: 1 + Math.floor(i / 30) } })) };
    const error = (() => {
      try {
        match(doc);
      } catch (e) {
        return e as ExtractError;
      }
      return null;
    })();
    expect(error?.code).toBe('needs-ocr');
    expect(error?.message).toMatch(/^its text cannot be read: 0 of its \d+ characters are letters/);
  });
});
