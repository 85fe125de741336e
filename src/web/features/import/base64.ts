/**
 * A chosen bank file as the API wants it: its bytes in base64, read in the browser. The bytes go as
 * they are (no decoding to text here): the server detects the encoding and the format.
 */

/** The API takes files of up to 50 MiB. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const CHUNK = 0x8000;

/** Base64 of `bytes`, built in chunks so a large file does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export interface ChosenFile {
  name: string;
  size: number;
  content: string;
}

/** Reads a file picked or dropped by the person; refuses an empty or too large one in words. */
export async function readChosenFile(file: File): Promise<ChosenFile> {
  if (file.size === 0) throw new Error(`${file.name} is empty.`);
  if (file.size > MAX_FILE_BYTES) {
    throw new Error(`${file.name} is larger than 50 MiB, the most one import takes. Split it by date.`);
  }
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, size: file.size, content: bytesToBase64(bytes) };
}
