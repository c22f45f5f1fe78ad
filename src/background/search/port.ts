/**
 * The `lookup` port: the popup's streaming, cancellable search channel.
 *
 * Accepted only from our own pages (same gate as one-shot messages). Each valid search message aborts every
 * older search on the same port; a closed port aborts whatever is running. Per-port state lives only as
 * long as the port, which keeps the worker alive while it is open.
 *
 * A port from a private (incognito) window — named `lookup-private` by the popup, or from a sender in an
 * incognito tab — searches without the cache and leaves no last view: decided once per port, from the port.
 */
import { BAD_REQUEST } from '../app-error.ts';
import { warmDirectory } from '../directory/directory.ts';
import { ownOriginOf, type Deps } from '../platform.ts';
import { validateSearchMessage } from '../schema.ts';
import { isInternalSender, isPrivateSender } from '../sender.ts';
import { LOOKUP_PORT, LOOKUP_PORT_PRIVATE, type LookupServerMessage } from '../../shared/protocol.ts';
import { runSearch } from './run-search.ts';

/** The parts of `runtime.Port` used here; the polyfill's Port and the test fake both fit. */
export interface PortLike {
  name: string;
  sender?: unknown;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export function acceptLookupPort(port: PortLike, deps: Deps): void {
  if (port.name !== LOOKUP_PORT && port.name !== LOOKUP_PORT_PRIVATE) return;
  if (!isInternalSender(port.sender, deps.platform.runtime.id, ownOriginOf(deps.platform))) {
    port.disconnect();
    return;
  }
  const privateWindow = port.name === LOOKUP_PORT_PRIVATE || isPrivateSender(port.sender);
  // The popup opened: the local directory is read into memory before the first keystroke (and refreshed if old).
  void warmDirectory(deps, { private: privateWindow });

  let current: AbortController | null = null;
  let closed = false;
  const post = (message: LookupServerMessage) => {
    if (closed) return;
    try {
      port.postMessage(message);
    } catch {
      closed = true; // The popup closed between our check and the post.
    }
  };

  port.onDisconnect.addListener(() => {
    closed = true;
    current?.abort();
    current = null;
  });

  port.onMessage.addListener((raw) => {
    const message = validateSearchMessage(raw);
    if (!message) {
      const id = safeId(raw);
      post({ type: 'fail', id, error: { ...BAD_REQUEST } });
      return;
    }
    current?.abort();
    const controller = new AbortController();
    current = controller;
    void runSearch(deps, message, controller.signal, post, { private: privateWindow }).finally(() => {
      if (current === controller) current = null;
    });
  });
}

/** Echo the id of a malformed message when it is a sane number, so the popup can match the failure. */
function safeId(raw: unknown): number {
  if (typeof raw === 'object' && raw !== null && Object.hasOwn(raw, 'id')) {
    const id = (raw as { id: unknown }).id;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) return id;
  }
  return 0;
}
