/**
 * A corpus case described as data: what the organisation answered and how the
 * document lays it out. Builders render a spec into a DOCX or PDF; the
 * expected record is derived from the same spec, never from a parser.
 */
import { QUESTIONS, type Question } from '../../src/catalogue.js';
import type { Expected } from '../../src/schema.js';

export type Choice = 'yes' | 'no' | 'na';

/** How the boxes of a Yes/No question are filled in. */
export type Ticked = Choice | 'none' | 'both';

export interface AnswerSpec {
  ticked?: Ticked;
  text?: string | null;
  /** Printed wording, when the organisation edited the question. */
  wording?: string;
}

export interface CaseSpec {
  organisation: {
    name: string;
    scope: string;
    seniorResponsibleOfficer: string;
    position: string;
    signOffDateRaw: string;
    signOffDate: string | null;
  };
  /** Keyed by question id (P1.1 … P12.6). Unlisted questions are left blank. */
  answers: Record<string, AnswerSpec>;
  /** Keyed by principle number. */
  actionPlans: Record<number, string | null>;
  /**
   * How questions are numbered: the template's (P1 unnumbered, 1-70 after),
   * restarted at 1 in every principle, only the first of each principle, or none.
   */
  numbering: 'template' | 'restart' | 'first-only' | 'none';
}

export function printedNumber(spec: CaseSpec, q: Question): number | null {
  switch (spec.numbering) {
    case 'template':
      return q.number;
    case 'restart':
      return q.index;
    case 'first-only':
      return q.index === 1 ? 1 : null;
    case 'none':
      return null;
  }
}

/** The title block's values as printed, keyed like TITLE_FIELDS. */
export function titleValues(spec: CaseSpec): Record<string, string> {
  const o = spec.organisation;
  return { name: o.name, scope: o.scope, seniorResponsibleOfficer: o.seniorResponsibleOfficer, position: o.position, signOffDate: o.signOffDateRaw };
}

export function printedWording(spec: CaseSpec, q: Question): string {
  return spec.answers[q.id]?.wording ?? q.text;
}

/** The record a correct extractor gives for a rendered spec. */
export function expectedFromSpec(spec: CaseSpec): Expected {
  const { signOffDateRaw: _raw, ...organisation } = spec.organisation;
  return {
    organisation,
    answers: QUESTIONS.map((q) => {
      const a = spec.answers[q.id] ?? {};
      const text = a.text?.trim() ? a.text.trim() : null;
      if (q.type === 'open') {
        const actionText = q.actionQuestion ? (spec.actionPlans[q.principle] ?? null) : null;
        const t = text ?? actionText;
        return { id: q.id, choice: null, text: t, status: t ? 'answered' : 'missing' };
      }
      const ticked = a.ticked ?? 'none';
      const choice = ticked === 'none' || ticked === 'both' ? null : ticked;
      const status = choice ? 'answered' : ticked === 'both' ? 'ambiguous' : 'missing';
      return { id: q.id, choice, text, status };
    }),
    actionPlans: Array.from({ length: 12 }, (_, i) => ({ principle: i + 1, text: spec.actionPlans[i + 1]?.trim() || null })),
  };
}

/** Small deterministic PRNG so generated cases are the same on every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 0x100000000;
  };
}

const SENTENCES = [
  'The system is reviewed every year by the information governance board.',
  'Access is limited to trained and vetted staff with a recorded business need.',
  'Our CCTV policy sets out the purposes and is published on the council website.',
  'Footage is retained for 31 days and then overwritten automatically.',
  'Requests are logged and checked by the data protection officer before release.',
  'Cameras are maintained under contract with a four hour response time.',
  'Signs at each site name the operator and give a telephone number and email address.',
  'Operators hold the relevant occupational standard and are refreshed annually.',
  'The data protection impact assessment was signed off by the DPO in March.',
  'An annual report on the scheme is published each summer.',
];

/** A plausible filled-in assessment for generated cases (bench batches, variants). */
export function sampleSpec(seed: number, overrides: Partial<CaseSpec> = {}): CaseSpec {
  const random = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const sentences = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
  const answers: Record<string, AnswerSpec> = {};
  for (const q of QUESTIONS) {
    if (q.type === 'open') {
      answers[q.id] = { text: q.actionQuestion ? null : sentences(1 + Math.floor(random() * 3)) };
    } else {
      const ticked: Ticked = q.type === 'yesno-na-text' ? pick(['yes', 'no', 'na'] as const) : pick(['yes', 'no'] as const);
      answers[q.id] = { ticked, text: q.type === 'yesno' ? null : sentences(1) };
    }
  }
  const actionPlans: Record<number, string | null> = {};
  for (let p = 1; p <= 12; p++) actionPlans[p] = random() < 0.3 ? null : sentences(1);
  return {
    organisation: {
      name: `${pick(['Northshire', 'Westvale', 'Eastmarsh', 'Southdown'])} ${pick(['County Council', 'Police', 'Borough Council'])}`,
      scope: pick(['Town centre public space CCTV', 'ANPR cameras', 'Body worn video', 'Car park CCTV']),
      seniorResponsibleOfficer: pick(['Jane Doe', 'Sam Patel', 'Alex Morgan']),
      position: pick(['Head of Community Safety', 'Assistant Chief Constable', 'Information Governance Manager']),
      signOffDateRaw: '14/03/2023',
      signOffDate: '2023-03-14',
    },
    answers,
    actionPlans,
    numbering: 'template',
    ...overrides,
  };
}
