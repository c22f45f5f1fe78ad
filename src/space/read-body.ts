/**
 * Reads a response body with a hard byte cap, so a hostile or broken server can't make the worker
 * buffer an unbounded amount of memory. The declared Content-Length is checked first; the stream is
 * counted anyway because the header may be absent (chunked), compressed-size or a lie.
 */

export type BodyRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; tooLarge: true; bytesRead: number };

export async function readCappedBody(response: Response, capBytes: number): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  // With content-encoding the header counts compressed bytes, which are fewer, so the early
  // rejection is still sound; the streamed count below checks the decoded size.
  if (Number.isFinite(declared) && declared > capBytes) {
    await discard(response);
    return { ok: false, tooLarge: true, bytesRead: 0 };
  }
  if (response.body === null) return { ok: true, bytes: new Uint8Array(0) };

  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > capBytes) {
      // Cancelling the stream also tears the connection down; nothing past the cap is read.
      await reader.cancel().catch(() => undefined);
      return { ok: false, tooLarge: true, bytesRead: total };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: concat(chunks, total) };
}

/** Frees the connection without reading what's left of the body. */
export async function discard(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // Already errored or locked; nothing left to free.
  }
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1 && chunks[0] !== undefined) return chunks[0];
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
