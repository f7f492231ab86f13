// A spinner for long imports on a terminal: rows read, rows per second, percent of bytes. Silent elsewhere.
import ora, { type Ora } from 'ora';

export interface ProgressDisplay {
  update(rows: number, bytes: number, totalBytes: number): void;
  stop(): void;
}

export function progressDisplay(enabled: boolean, label: string, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  if (!enabled) return { update() {}, stop() {} };
  const started = Date.now();
  let spinner: Ora | null = null;
  return {
    update(rows, bytes, totalBytes) {
      spinner ??= ora({ text: label, stream }).start();
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const percent = totalBytes ? Math.min(100, Math.floor((bytes / totalBytes) * 100)) : 0;
      spinner.text = `${label}: ${rows.toLocaleString('en-US')} rows, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ${percent}%`;
    },
    stop() {
      spinner?.stop();
      spinner = null;
    },
  };
}
