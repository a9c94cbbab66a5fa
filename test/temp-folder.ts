/**
 * Vitest global setup: the run's temporary files go in one folder of their
 * own, removed when the run ends, so test runs leave nothing behind. Set
 * before the test processes start, so they and the command lines they spawn
 * all see it as their `os.tmpdir()`.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const folder = mkdtempSync(path.join(tmpdir(), 'scc-test-'));
  // The command-line tests run one case as an unprivileged user, who must reach its folder inside this one.
  chmodSync(folder, 0o755);
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
