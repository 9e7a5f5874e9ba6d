/** Layout of raw PCM audio. @public */
export interface PcmFormat {
  /** Samples per second per channel, e.g. 16000. */
  sampleRate: number;
  /** Interleaved channels. Default 1. */
  channels?: number;
  /** Bits per sample: 8, 16, 24 or 32. Default 16. */
  bitDepth?: number;
}

/**
 * Seconds of audio in a buffer: a WAV (RIFF/WAVE) file when `format` is
 * omitted, read from its `fmt ` and `data` chunks, or raw PCM of the given
 * layout. Returns undefined when the buffer is not audio of that shape;
 * it never throws.
 * @public
 */
export function audioDurationSeconds(
  audio: Uint8Array,
  format?: PcmFormat,
): number | undefined {
  if (!(audio instanceof Uint8Array)) return undefined;
  if (format !== undefined) return pcmSeconds(audio.byteLength, format);
  return wavSeconds(audio);
}

function pcmSeconds(bytes: number, f: PcmFormat): number | undefined {
  const channels = f.channels ?? 1;
  const bits = f.bitDepth ?? 16;
  const valid =
    Number.isInteger(f.sampleRate) && f.sampleRate > 0 &&
    Number.isInteger(channels) && channels > 0 &&
    [8, 16, 24, 32].includes(bits);
  if (!valid) return undefined;
  const frameBytes = channels * (bits / 8);
  return Math.floor(bytes / frameBytes) / f.sampleRate;
}

function wavSeconds(buf: Uint8Array): number | undefined {
  if (buf.byteLength < 12) return undefined;
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (tag(view, 0) !== 'RIFF' || tag(view, 8) !== 'WAVE') return undefined;
  let format: PcmFormat | undefined;
  let offset = 12;
  // Walk the chunks; sizes are little-endian and chunks are word aligned.
  while (offset + 8 <= buf.byteLength) {
    const id = tag(view, offset);
    const size = view.getUint32(offset + 4, true);
    const body = offset + 8;
    if (id === 'fmt ' && body + 16 <= buf.byteLength) {
      format = {
        channels: view.getUint16(body + 2, true),
        sampleRate: view.getUint32(body + 4, true),
        bitDepth: view.getUint16(body + 14, true),
      };
    } else if (id === 'data' && format !== undefined) {
      // Streaming writers (espeak-ng --stdout) leave the size at its
      // maximum: the bytes actually present are the truth then.
      const available = buf.byteLength - body;
      const dataBytes = size > available ? available : size;
      return pcmSeconds(dataBytes, format);
    }
    offset = body + size + (size % 2);
  }
  return undefined;
}

function tag(view: DataView, at: number): string {
  return String.fromCharCode(
    view.getUint8(at), view.getUint8(at + 1), view.getUint8(at + 2), view.getUint8(at + 3),
  );
}
