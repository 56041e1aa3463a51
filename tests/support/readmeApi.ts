/**
 * The API table of README.md as data: every row's method(s) and path, so that suites covering "every endpoint"
 * (the fuzz suite, the authorisation matrix) pick up a new row without being edited.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReadmeEndpoint {
  readonly method: string;
  /** As written, with `{param}` placeholders. */
  readonly path: string;
  /** The "who" column, as written. */
  readonly who: string;
}

export const README_PATH = join(import.meta.dirname, '..', '..', 'README.md');

/**
 * Rows of the "## API" section like `| POST | \`/v1/...\` | who | what |`; `GET / POST` gives one entry per method.
 * A row may name several paths: \`/a/{x}\`, \`/b\` (each in full), or \`/a/{x}/start\` · \`/stop\` (siblings: the
 * last segment of the first path replaced). A query written in the path (`?from=&to=`) is dropped.
 */
export function readmeEndpoints(text = readFileSync(README_PATH, 'utf8')): ReadmeEndpoint[] {
  const out: ReadmeEndpoint[] = [];
  // Only the "## API" section's table (other tables, such as the authorisation matrix, have rows alike).
  const lines = text.split('\n');
  const start = lines.indexOf('## API');
  const end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  for (const line of lines.slice(start, end < 0 ? undefined : end)) {
    const m = /^\| ((?:GET|POST|PUT|PATCH|DELETE)(?: \/ (?:GET|POST|PUT|PATCH|DELETE))*) \| (`\/[^`]*`(?:(?:, | · )`\/[^`]*`)*) \| ([^|]*(?:\\\|[^|]*)*) \|/.exec(line);
    if (!m) continue;
    const paths: string[] = [];
    for (const part of m[2]!.matchAll(/(^|, | · )`(\/[^`]*)`/g)) {
      const path = part[2]!.replace(/\?.*$/, '');
      if (part[1] === ' · ') paths.push(paths[0]!.replace(/\/[^/]*$/, '') + path);
      else paths.push(path);
    }
    for (const path of paths) for (const method of m[1]!.split(' / ')) out.push({ method, path, who: m[3]!.trim() });
  }
  return out;
}

/** The `{param}` names of a path, in order. */
export const pathParams = (path: string): string[] => [...path.matchAll(/\{([A-Za-z]+)\}/g)].map((m) => m[1]!);

/** The path with each `{param}` replaced (values are percent-encoded unless `raw`). */
export function fillPath(path: string, values: (param: string) => string, raw = false): string {
  return path.replace(/\{([A-Za-z]+)\}/g, (_, p: string) => (raw ? values(p) : encodeURIComponent(values(p))));
}
