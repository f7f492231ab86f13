// Every temporary file the tests make (workspaces, exports, the demo's folder in a spawned process) goes under one
// folder per run, removed when the run ends: before, each run left thousands of workspaces in /tmp.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-sync-tests-'));
  // os.tmpdir() reads TMPDIR on every call, and the test processes (and the CLI processes they spawn) inherit it.
  process.env.TMPDIR = root;
  return () => fs.rmSync(root, { recursive: true, force: true });
}
