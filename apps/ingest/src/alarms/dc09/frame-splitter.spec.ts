import { FrameSplitter, SplitItem } from './frame-splitter';

/** Renders items compactly: frames as their text, garbage as reason:length. */
function render(items: SplitItem[]): string[] {
  return items.map((item) => (item.kind === 'frame' ? item.bytes.toString('latin1') : `${item.reason}:${item.length}`));
}

function split(chunks: string[], maxFrameBytes = 64): string[] {
  const splitter = new FrameSplitter(maxFrameBytes);
  return render([...chunks.flatMap((chunk) => splitter.push(Buffer.from(chunk, 'latin1'))), ...splitter.end()]);
}

describe('FrameSplitter', () => {
  it.each<[string, string[], string[]]>([
    ['one frame in one chunk', ['\nA\r'], ['\nA\r']],
    ['several frames in one chunk', ['\nA\r\nB\r\nC\r'], ['\nA\r', '\nB\r', '\nC\r']],
    ['a frame split across reads', ['\nAB', 'CD', 'E\r'], ['\nABCDE\r']],
    ['LF and CR in separate reads', ['\n', 'A', '\r'], ['\nA\r']],
    ['garbage before LF is skipped and reported', ['xyz\nA\r'], ['before-lf:3', '\nA\r']],
    ['garbage between frames', ['\nA\r  \nB\r'], ['\nA\r', 'before-lf:2', '\nB\r']],
    ['a second LF before CR cuts the first frame short', ['\nAB\nC\r'], ['unterminated:3', '\nC\r']],
    ['a frame left open at the end of the stream', ['\nA\r\nBC'], ['\nA\r', 'unterminated:3']],
    ['trailing garbage at the end of the stream', ['\nA\rzz'], ['\nA\r', 'before-lf:2']],
    ['an empty chunk yields nothing', [''], []],
    ['stray LFs after CR (CR LF line endings) are ignored silently', ['\nA\r\n', '\nB\r\n'], ['\nA\r', '\nB\r']],
    ['an oversize frame arriving in pieces is dropped, its rest reported as garbage', ['\n' + 'x'.repeat(60), 'x'.repeat(40), 'y'.repeat(10) + '\r\nA\r'], ['oversize:101', 'before-lf:11', '\nA\r']],
    ['an oversize frame is dropped and the stream resynchronises', [`\n${'x'.repeat(100)}\r\nA\r`], ['oversize:102', '\nA\r']],
  ])('%s', (_name, chunks, expected) => {
    expect(split(chunks)).toEqual(expected);
  });

  it('reports endless garbage in bounded slices instead of holding it', () => {
    const splitter = new FrameSplitter(64);
    const items = Array.from({ length: 100 }, () => splitter.push(Buffer.alloc(1000, 0x41))).flat();
    expect(items.length).toBeGreaterThan(90);
    expect(items.every((i) => i.kind === 'garbage' && i.preview.length <= 64)).toBe(true);
  });

  it('never holds more than maxFrameBytes of an unterminated frame', () => {
    const splitter = new FrameSplitter(64);
    splitter.push(Buffer.from('\n'));
    const items = Array.from({ length: 50 }, () => splitter.push(Buffer.alloc(1000, 0x41))).flat();
    expect(items).toEqual([expect.objectContaining({ kind: 'garbage', reason: 'oversize' }), ...items.slice(1)]);
    expect(items.slice(1).every((i) => i.kind === 'garbage' && i.reason === 'before-lf')).toBe(true);
  });
});
