const LF = 0x0a;
const CR = 0x0d;
/** Bytes of skipped garbage kept for the report; the rest is only counted. */
const PREVIEW_BYTES = 64;

/** Why bytes were dropped instead of yielded as a frame. */
export type GarbageReason = 'before-lf' | 'unterminated' | 'oversize';

/** One item out of the splitter, in stream order. */
export type SplitItem =
  | { kind: 'frame'; bytes: Buffer }
  | { kind: 'garbage'; reason: GarbageReason; length: number; preview: Buffer };

/**
 * Cuts a TCP byte stream into LF..CR frames. Memory stays bounded by `maxFrameBytes`:
 * a frame that grows past it is dropped, and garbage between frames is only counted.
 */
export class FrameSplitter {
  private frame: Buffer[] = [];
  private frameLength = 0;
  private inFrame = false;
  private garbageLength = 0;
  private garbagePreview: Buffer[] = [];
  private garbagePreviewLength = 0;

  constructor(private readonly maxFrameBytes = 4096) {}

  /** Feeds one chunk; returns the frames and garbage reports it completed. */
  push(chunk: Buffer): SplitItem[] {
    const out: SplitItem[] = [];
    let pos = 0;
    while (pos < chunk.length) {
      pos = this.inFrame ? this.readFrame(chunk, pos, out) : this.skipToLf(chunk, pos, out);
    }
    return out;
  }

  /** Reports whatever is pending when the stream ends. */
  end(): SplitItem[] {
    const out: SplitItem[] = [];
    if (this.inFrame && this.frameLength > 1) this.dropFrame('unterminated', out);
    this.reportGarbage('before-lf', out);
    return out;
  }

  private skipToLf(chunk: Buffer, pos: number, out: SplitItem[]): number {
    const lf = chunk.indexOf(LF, pos);
    const end = lf === -1 ? chunk.length : lf;
    this.noteGarbage(chunk.subarray(pos, end));
    // Endless garbage is reported in bounded slices so the caller sees it while it lasts.
    if (lf === -1) {
      if (this.garbageLength >= this.maxFrameBytes) this.reportGarbage('before-lf', out);
      return chunk.length;
    }
    this.reportGarbage('before-lf', out);
    this.inFrame = true;
    this.appendFrame(chunk.subarray(lf, lf + 1));
    return lf + 1;
  }

  private readFrame(chunk: Buffer, pos: number, out: SplitItem[]): number {
    const end = firstOf(chunk, pos, CR, LF);
    const piece = chunk.subarray(pos, end === -1 ? chunk.length : end + 1);
    if (end !== -1 && chunk[end] === LF) {
      // A new LF before any CR: the frame in progress was cut short; resynchronise here.
      // A lone LF is not worth a report: senders ending lines with CR LF leave one after every frame.
      this.appendFrame(piece.subarray(0, piece.length - 1));
      if (this.frameLength > 1) this.dropFrame('unterminated', out);
      else this.resetFrame();
      return end;
    }
    if (this.frameLength + piece.length > this.maxFrameBytes) {
      this.dropFrame('oversize', out, piece);
      return end === -1 ? chunk.length : end + 1;
    }
    this.appendFrame(piece);
    if (end === -1) return chunk.length;
    out.push({ kind: 'frame', bytes: Buffer.concat(this.frame, this.frameLength) });
    this.resetFrame();
    return end + 1;
  }

  private appendFrame(piece: Buffer): void {
    this.frame.push(Buffer.from(piece));
    this.frameLength += piece.length;
  }

  /** Drops the frame in progress plus `tail`, a piece of it never stored. */
  private dropFrame(reason: GarbageReason, out: SplitItem[], tail: Buffer = Buffer.alloc(0)): void {
    const stored = Buffer.concat(this.frame, this.frameLength);
    const preview = Buffer.concat([stored, tail.subarray(0, PREVIEW_BYTES)]).subarray(0, PREVIEW_BYTES);
    out.push({ kind: 'garbage', reason, length: stored.length + tail.length, preview });
    this.resetFrame();
  }

  private resetFrame(): void {
    this.frame = [];
    this.frameLength = 0;
    this.inFrame = false;
  }

  private noteGarbage(bytes: Buffer): void {
    this.garbageLength += bytes.length;
    const room = PREVIEW_BYTES - this.garbagePreviewLength;
    if (room > 0 && bytes.length > 0) {
      const kept = Buffer.from(bytes.subarray(0, room));
      this.garbagePreview.push(kept);
      this.garbagePreviewLength += kept.length;
    }
  }

  private reportGarbage(reason: GarbageReason, out: SplitItem[]): void {
    if (this.garbageLength === 0) return;
    const preview = Buffer.concat(this.garbagePreview, this.garbagePreviewLength);
    out.push({ kind: 'garbage', reason, length: this.garbageLength, preview });
    this.garbageLength = 0;
    this.garbagePreview = [];
    this.garbagePreviewLength = 0;
  }
}

function firstOf(chunk: Buffer, from: number, a: number, b: number): number {
  const ia = chunk.indexOf(a, from);
  const ib = chunk.indexOf(b, from);
  if (ia === -1) return ib;
  if (ib === -1) return ia;
  return Math.min(ia, ib);
}
