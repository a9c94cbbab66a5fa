/**
 * The one source of the shapes this tool writes: records, the report and the
 * corpus's expected records. TypeScript types and the published JSON Schema
 * (`src/record.schema.json`) are derived from these.
 */
import { z } from 'zod';

export const SCHEMA_VERSION = 1;

export const ProvenanceSchema = z
  .object({
    page: z.number().int().positive().optional(),
    line: z.number().int().positive().optional(),
    start: z.number().int().nonnegative().optional(),
    end: z.number().int().nonnegative().optional(),
    x: z.number().optional(),
    y: z.number().optional(),
  })
  .strict()
  .describe('Where in the source something was read: page, line and character offsets as the format allows.');

export const FormatSchema = z.enum(['pdf', 'docx', 'text', 'markdown']);
export const ChoiceSchema = z.enum(['yes', 'no', 'na']);
export const StatusSchema = z.enum(['answered', 'missing', 'ambiguous']);
export const AnswerTypeSchema = z.enum(['yesno', 'open', 'yesno-text', 'yesno-na-text']);
export const MarkSourceSchema = z.enum([
  'form-field',
  'content-control',
  'symbol',
  'glyph',
  'typed-mark',
  'struck-option',
  'highlight',
  'placeholder',
  'acroform',
  'vector',
]);

export const EvidenceSchema = z
  .object({
    kind: z
      .enum(['mark', 'sole-option', 'inferred', 'none'])
      .describe(
        'mark: a ticked box; sole-option: the only option left printed; inferred: the organisation states it in words; none: no choice was read',
      ),
    source: MarkSourceSchema.nullable().describe('What the box state was read from, for kind mark'),
    quote: z.string().nullable().describe('The words or mark the choice was read from'),
    provenance: ProvenanceSchema.nullable(),
  })
  .strict();

export const AnswerSchema = z
  .object({
    id: z.string().regex(/^P([1-9]|1[0-2])\.\d{1,2}$/),
    principle: z.number().int().min(1).max(12),
    index: z.number().int().positive(),
    number: z.number().int().min(1).max(70).nullable(),
    question: z.string().describe('Canonical template wording'),
    printedQuestion: z.string().nullable().describe('The question as the document prints it'),
    type: AnswerTypeSchema,
    choice: ChoiceSchema.nullable(),
    text: z.string().nullable(),
    status: StatusSchema,
    reason: z.string().nullable().describe('Why the answer is missing or ambiguous, or how an answered choice was read'),
    confidence: z.number().min(0).max(1),
    evidence: EvidenceSchema,
    provenance: z
      .object({ question: ProvenanceSchema.nullable(), text: ProvenanceSchema.nullable() })
      .strict(),
  })
  .strict()
  .superRefine((a, ctx) => {
    if (a.type === 'open' && a.choice !== null) ctx.addIssue({ code: 'custom', message: 'open questions have no choice' });
    if (a.choice === 'na' && a.type !== 'yesno-na-text') ctx.addIssue({ code: 'custom', message: 'only the drone question offers N/A' });
    if (a.status !== 'answered' && a.reason === null) ctx.addIssue({ code: 'custom', message: 'a missing or ambiguous answer needs a reason' });
    if (a.choice !== null && a.evidence.kind === 'none') ctx.addIssue({ code: 'custom', message: 'a choice needs evidence' });
  });

export const ActionPlanSchema = z
  .object({
    principle: z.number().int().min(1).max(12),
    text: z.string().nullable(),
    provenance: ProvenanceSchema.nullable(),
  })
  .strict();

export const OrganisationSchema = z
  .object({
    name: z.string().nullable(),
    scope: z.string().nullable(),
    seniorResponsibleOfficer: z.string().nullable(),
    position: z.string().nullable(),
    signOffDate: z
      .string()
      .regex(/^\d{4}-\d{2}(-\d{2})?$/)
      .nullable()
      .describe('ISO 8601 date (yyyy-mm-dd), or yyyy-mm where the document gives only a month'),
    signOffDateRaw: z.string().nullable().describe('The date of sign off as printed'),
    provenance: z.record(z.string(), ProvenanceSchema),
  })
  .strict();

export const DiagnosticSchema = z
  .object({ code: z.string(), message: z.string(), provenance: ProvenanceSchema.optional() })
  .strict();

export const RecordSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    source: z
      .object({
        path: z.string(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: FormatSchema,
        pages: z.number().int().positive().nullable(),
      })
      .strict(),
    organisation: OrganisationSchema,
    answers: z.array(AnswerSchema).length(75),
    actionPlans: z.array(ActionPlanSchema).length(12),
    diagnostics: z.array(DiagnosticSchema),
  })
  .strict()
  .describe('One self-assessment, lined up with the 75 questions of the template');

/** What a corpus case's expected.json holds: the parts a person checks by hand. */
export const ExpectedSchema = z
  .object({
    organisation: OrganisationSchema.pick({
      name: true,
      scope: true,
      seniorResponsibleOfficer: true,
      position: true,
      signOffDate: true,
    }),
    answers: z
      .array(
        z
          .object({
            id: z.string(),
            choice: ChoiceSchema.nullable(),
            text: z.string().nullable(),
            status: StatusSchema,
            note: z.string().optional().describe('Why the expectation is what it is, for the reader'),
          })
          .strict(),
      )
      .length(75),
    actionPlans: z.array(z.object({ principle: z.number().int(), text: z.string().nullable() }).strict()).length(12),
  })
  .strict();

export const ReportEntrySchema = z
  .object({
    path: z.string(),
    record: z.string().describe('Record file, relative to the output folder'),
    counts: z.object({ answered: z.number().int(), missing: z.number().int(), ambiguous: z.number().int() }).strict(),
    problems: z.array(
      z
        .object({ id: z.string(), status: z.enum(['missing', 'ambiguous']), reason: z.string(), provenance: ProvenanceSchema.nullable() })
        .strict(),
    ),
  })
  .strict();

export const ReportSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    documents: z.array(ReportEntrySchema),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string() }).strict()),
  })
  .strict();

export type Answer = z.infer<typeof AnswerSchema>;
export type ActionPlan = z.infer<typeof ActionPlanSchema>;
export type Organisation = z.infer<typeof OrganisationSchema>;
export type ExtractRecord = z.infer<typeof RecordSchema>;
export type Expected = z.infer<typeof ExpectedSchema>;
export type Report = z.infer<typeof ReportSchema>;
export type ReportEntry = z.infer<typeof ReportEntrySchema>;
export type Evidence = z.infer<typeof EvidenceSchema>;
