/** One Server-Sent Event: its name and its data parsed as JSON (undefined when absent or not JSON). */
export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * An incremental parser of a text/event-stream: feed it decoded chunks as they arrive, in any split, and it
 * calls `onEvent` once per complete event. Comments and unknown fields are ignored, as the spec says.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): (chunk: string) => void {
  let buffer = '';
  return (chunk) => {
    buffer += chunk.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') name = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length === 0 && name === 'message') continue;
      let parsed: unknown;
      try {
        parsed = data.length ? JSON.parse(data.join('\n')) : undefined;
      } catch {
        parsed = undefined;
      }
      onEvent({ event: name, data: parsed });
    }
  };
}
