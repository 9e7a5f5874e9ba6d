/**
 * Reading segment files for `speechmetry score` the way sacreBLEU does:
 * strict UTF-8 (a byte-order mark is kept, as Python's `utf-8` codec
 * keeps it), lines split on `\n` only, each line right-stripped of
 * Python whitespace.
 */
import { readFile } from 'node:fs/promises';
import { pyRstrip } from '../quality/python-text.js';

/** A reading problem; the command prints it and exits with code 2. */
export class InputError extends Error {}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** The segments of a file's bytes. */
export function splitSegments(bytes: Uint8Array, label: string): string[] {
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    throw new InputError(`${label} is not valid UTF-8`);
  }
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map(pyRstrip);
}

async function readStream(stream: NodeJS.ReadableStream): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads the segments of `path`, or of `stdin` when path is `-`. */
export async function readSegments(
  path: string,
  stdin: NodeJS.ReadableStream,
): Promise<string[]> {
  if (path === '-') return splitSegments(await readStream(stdin), 'stdin');
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code ?? 'read error';
    throw new InputError(`cannot read ${path}: ${reason}`);
  }
  return splitSegments(bytes, path);
}
