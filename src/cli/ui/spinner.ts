// A spinner for long imports on a terminal: rows read, rows per second, percent of bytes. Silent elsewhere.
import type { Ora } from 'ora';

export interface ProgressDisplay {
  update(rows: number, bytes: number, totalBytes: number): void;
  stop(): void;
}

export function progressDisplay(enabled: boolean, label: string, stream: NodeJS.WriteStream = process.stderr): ProgressDisplay {
  // A terminal that reports no width (some ptys) would make the spinner redraw endlessly: stay silent there.
  if (!enabled || !stream.columns) return { update() {}, stop() {} };
  const started = Date.now();
  let spinner: Ora | null = null;
  let stopped = false;
  // Loaded only on a terminal: cron and pipes never pay for it at start-up.
  const loading = import('ora').then(({ default: ora }) => {
    if (!stopped) spinner = ora({ text: label, stream }).start();
  });
  void loading;
  return {
    update(rows, bytes, totalBytes) {
      if (!spinner) return;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      const percent = totalBytes ? Math.min(100, Math.floor((bytes / totalBytes) * 100)) : 0;
      spinner.text = `${label}: ${rows.toLocaleString('en-US')} rows, ${Math.round(rows / seconds).toLocaleString('en-US')} rows/s, ${percent}%`;
    },
    stop() {
      stopped = true;
      spinner?.stop();
      spinner = null;
    },
  };
}
