import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser';

function parseAll(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const feed = createSseParser((event) => events.push(event));
  for (const chunk of chunks) feed(chunk);
  return events;
}

describe('createSseParser', () => {
  it.each([
    ['one event in one chunk', ['event: hello\ndata: {"a":1}\n\n']],
    ['split inside the field name', ['ev', 'ent: hello\ndata: {"a":1}\n\n']],
    ['split inside the data', ['event: hello\ndata: {"a"', ':1}\n', '\n']],
    ['CRLF line ends', ['event: hello\r\ndata: {"a":1}\r\n\r\n']],
    ['a comment line first', [': keep-alive\nevent: hello\ndata: {"a":1}\n\n']],
  ])('parses %s', (_, chunks) => {
    expect(parseAll(chunks)).toEqual([{ event: 'hello', data: { a: 1 } }]);
  });

  it('keeps an incomplete event until its blank line arrives', () => {
    expect(parseAll(['event: upsert\ndata: {}\n'])).toEqual([]);
  });

  it('parses several events in order, and data that is not JSON as undefined', () => {
    expect(parseAll(['event: a\ndata: 1\n\nevent: b\ndata: nope\n\nevent: c\n\n'])).toEqual([
      { event: 'a', data: 1 },
      { event: 'b', data: undefined },
      { event: 'c', data: undefined },
    ]);
  });

  it('skips a block with nothing in it', () => {
    expect(parseAll([': only a comment\n\n'])).toEqual([]);
  });
});
