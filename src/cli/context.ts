// What a command sees of the outside world; tests pass their own (captured output, pinned clock, temp cwd).
export interface CliContext {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Reports come as bytes (a million claims are written as they are encoded), everything else as text. */
  stdout: (text: string | Uint8Array) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: tables get colour and long imports a spinner. */
  isTTY: boolean;
  now: () => Date;
  /** Set by a command that finishes with a non-zero exit code without an error (3 rejected, 4 alerts). */
  exitCode: number;
}

export interface GlobalOptions {
  workspace?: string;
  asOf?: string;
  format?: string;
  out?: string;
  quiet?: boolean;
  color?: boolean;
  verbose?: boolean;
  wait?: string;
}

export function processContext(): CliContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    isTTY: Boolean(process.stdout.isTTY),
    now: () => new Date(),
    exitCode: 0,
  };
}
