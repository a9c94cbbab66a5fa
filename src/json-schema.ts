/**
 * Writes the published JSON Schemas, derived from the zod schemas:
 *   node dist/src/json-schema.js   (npm run schema)
 */
import { writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { RecordSchema, ReportSchema } from './schema.js';

export const JSON_SCHEMAS = {
  'src/record.schema.json': RecordSchema,
  'src/report.schema.json': ReportSchema,
} as const;

export function jsonSchemaText(schema: z.ZodType): string {
  return `${JSON.stringify(z.toJSONSchema(schema, { unrepresentable: 'any' }), null, 2)}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [file, schema] of Object.entries(JSON_SCHEMAS)) await writeFile(file, jsonSchemaText(schema));
}
