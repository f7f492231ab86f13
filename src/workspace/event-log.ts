// logs/practice-sync.log: one JSON line per event with run IDs, file names, counts and exit codes — never patient data.
import fs from 'node:fs';
import path from 'node:path';
import { chmodQuietly, ensurePrivateDir, FILE_MODE } from './private-fs.js';

export interface LogEvent {
  event: string;
  [key: string]: unknown;
}

/** Returns whether the event was written: an error message may only point at a log that holds it. */
export type EventSink = (event: LogEvent) => boolean;

export function fileEventSink(logFile: string, now: () => Date): EventSink {
  return (event) => {
    try {
      ensurePrivateDir(path.dirname(logFile));
      fs.appendFileSync(logFile, `${JSON.stringify({ time: now().toISOString(), pid: process.pid, ...event })}\n`, { mode: FILE_MODE });
      chmodQuietly(logFile, FILE_MODE);
      return true;
    } catch {
      // Logging must never break the command it describes.
      return false;
    }
  };
}

export const nullSink: EventSink = () => false;
