import { DestinationStream } from 'pino';

/** Fields the line already shows, or noise on a terminal. */
const SHOWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'context', 'req', 'res']);

/** Readable lines for a terminal: `12:00:01.234 INFO  [Context] message key=value …`. */
export function textDestination(out: NodeJS.WritableStream = process.stdout): DestinationStream {
  return {
    write(line: string) {
      let entry: Record<string, unknown>;
      try {
        entry = JSON.parse(line);
      } catch {
        out.write(line);
        return;
      }
      const time = new Date(entry.time as string).toISOString().slice(11, 23);
      const level = String(entry.level).toUpperCase().padEnd(5);
      const context = entry.context ? `[${entry.context}] ` : '';
      const extras = Object.entries(entry)
        .filter(([key, value]) => !SHOWN.has(key) && value !== undefined)
        .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : value}`);
      out.write(`${time} ${level} ${context}${entry.msg ?? ''}${extras.length ? ` ${extras.join(' ')}` : ''}\n`);
    },
  };
}
