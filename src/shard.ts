/**
 * `--shard i/n`: which inputs one of n separate runs (CI matrix jobs, a
 * Kubernetes indexed Job, a Slurm array) takes.
 *
 * An input goes to the shard given by the hash of its path, not by its
 * position in the list: adding or removing one document then moves no other
 * document to another shard, so each shard's output folder still holds its
 * earlier records and an incremental re-run redoes only what changed. The
 * path is taken as given, normalised (`./in/a.pdf` and `in/a.pdf` agree; on
 * Windows `\` becomes `/`), so every machine given the same arguments from
 * the same folder agrees, whatever its absolute paths.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';

export interface Shard {
  /** 1-based, as `--shard 1/4` … `--shard 4/4` (like vitest's and node --test's --shard). */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard | null {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return null;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return count >= 1 && index >= 1 && index <= count ? { index, count } : null;
}

export function shardOf(file: string, count: number): number {
  const key = path.normalize(file).split(path.sep).join('/');
  return (createHash('sha256').update(key).digest().readUInt32BE(0) % count) + 1;
}

export const inShard = (file: string, shard: Shard | null) => shard === null || shardOf(file, shard.count) === shard.index;
