// A count with its noun, for messages: "1 day", "3 days". English only, regular plurals only (an "s" added).

/** "1 session", "0 sessions", "3 sessions". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
