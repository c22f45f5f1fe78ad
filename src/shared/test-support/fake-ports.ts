/** `runtime.connect` ports of the fake browser (fake-browser.ts): connected pairs that clone what they carry. */
import { FakeEvent } from './fake-event.ts';

/** A connected pair of ports: `client` is the page's end, `server` the worker's (as onConnect gets it). */
export interface FakePortEnd {
  name: string;
  sender?: unknown;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: FakeEvent<(message: unknown) => void>;
  onDisconnect: FakeEvent<() => void>;
  /** Everything the other end posted to this one. */
  received: unknown[];
  disconnected: boolean;
}

export function createPortPair(name: string, sender: unknown): { client: FakePortEnd; server: FakePortEnd } {
  const make = (): FakePortEnd => ({
    name,
    postMessage: () => undefined,
    disconnect: () => undefined,
    onMessage: new FakeEvent(),
    onDisconnect: new FakeEvent(),
    received: [],
    disconnected: false,
  });
  const client = make();
  const server = make();
  server.sender = sender;
  const link = (from: FakePortEnd, to: FakePortEnd) => {
    from.postMessage = (message) => {
      if (from.disconnected) throw new Error('Attempting to use a disconnected port object');
      const copy: unknown = JSON.parse(JSON.stringify(message));
      to.received.push(copy);
      to.onMessage.dispatch(copy);
    };
    from.disconnect = () => {
      if (from.disconnected) return;
      from.disconnected = true;
      to.disconnected = true;
      to.onDisconnect.dispatch();
    };
  };
  link(client, server);
  link(server, client);
  return { client, server };
}

/** A page's end of a port, as page tests drive it: what the page sent, and the worker's side to answer or drop. */
export type PagePort = FakePortEnd & {
  /** Everything the page posted (the worker end's `received`). */
  readonly sent: unknown[];
  /** The worker answers. */
  deliver(message: unknown): void;
  /** The worker went away (stopped, reloaded). */
  drop(): void;
};

export function pagePort({ client, server }: { client: FakePortEnd; server: FakePortEnd }): PagePort {
  return Object.assign(client, {
    sent: server.received,
    deliver: (message: unknown) => server.postMessage(message),
    drop: () => server.disconnect(),
  });
}
