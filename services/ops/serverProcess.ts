/** ops: the real server process (`services/server.ts` under tsx) on a data directory, for the soak benchmark and the tests that signal or kill it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';

/** services/server.ts under tsx from source, or the built server.js. */
const ext = extname(fileURLToPath(import.meta.url));
const serverArgs = [...(ext === '.ts' ? ['--import', 'tsx'] : []), fileURLToPath(new URL(`../server${ext}`, import.meta.url))];

export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything it printed (stdout and stderr). */
  output(): string;
  /** Resolves with the exit code (or the signal) once it has exited. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function startServerProcess(dataDir: string, env: Record<string, string> = {}): Promise<ServerProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, serverArgs, {
      env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /API listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1]!, child, output: () => out, exited });
      }
    });
    child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}: ${out}`));
    });
  });
}

/** Stops it with `signal` (if still running) and waits for the exit. */
export async function stopServerProcess(s: ServerProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (s.child.exitCode === null && s.child.signalCode === null) s.child.kill(signal);
  return s.exited;
}
