/** Minimal `--name value` / `--flag` parsing for the CLI; repeated options collect into arrays. */
export interface Args {
  readonly positional: string[];
  readonly options: Map<string, string[]>;
}

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const options = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      const next = argv[i + 1];
      const value = eq > 0 ? a.slice(eq + 1) : next !== undefined && !next.startsWith('--') ? (i++, next) : 'true';
      options.set(name, [...(options.get(name) ?? []), value]);
    } else {
      positional.push(a);
    }
  }
  return { positional, options };
}

export const option = (args: Args, name: string): string | undefined => args.options.get(name)?.at(-1);
