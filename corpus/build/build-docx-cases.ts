/**
 * Writes the DOCX corpus: corpus/docx-<name>/input.docx and expected.json for
 * every case in docx-cases.ts. The expected record comes from the spec.
 *
 *   npm run build && node dist/corpus/build/build-docx-cases.js [corpus-dir]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expectedFromSpec } from './spec.js';
import { renderDocx } from './docx.js';
import { DOCX_CASES } from './docx-cases.js';

/** The repository root: the nearest directory above this file with the project's package.json. */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'scc-extract') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the scc-extract project root');
    dir = up;
  }
}

export function buildDocxCases(corpusDir: string): string[] {
  const written: string[] = [];
  for (const c of DOCX_CASES) {
    const dir = join(corpusDir, `docx-${c.name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'input.docx'), renderDocx(c.spec));
    writeFileSync(join(dir, 'expected.json'), JSON.stringify(expectedFromSpec(c.spec), null, 2) + '\n');
    written.push(dir);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const corpusDir = resolve(process.argv[2] ?? join(projectRoot(), 'corpus'));
  for (const dir of buildDocxCases(corpusDir)) console.log(dir);
}
