/**
 * Command-line handling of the demo server, kept apart from `cli.ts` (which starts on import) so it can be tested.
 */
import { MAX_ACCESS_TOKEN_TTL_SEC } from './oauth.ts';
import { startDemoServer, type DemoServer } from './server.ts';

/** Space On-Premises' default port (space-api.md §1). */
export const DEFAULT_PORT = 8084;

export interface CliOptions {
  port: number | null;
  latencyMs: number;
  hostile: boolean;
  /** HTTPS with HTTP/2 and the demo certificate. */
  tls: boolean;
  /** Restricted mode: nested profiles withheld, absences forbidden (DemoServerOptions.restricted). */
  restricted: boolean;
  /** `--large`: the large organization, 10,000 people (DemoServerOptions.large). */
  large?: boolean;
  /** `--without-source-search`: answer source search with a bare 404, like a Space older than 2024.3. */
  withoutSourceSearch?: boolean;
  /** Lifetime of OAuth access tokens in seconds (`--access-token-ttl`); absent: the server's default (600). */
  accessTokenTtlSec?: number;
  help: boolean;
}

export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}

export function parseArgs(argv: readonly string[], env: Record<string, string | undefined>): CliOptions {
  const options: CliOptions = { port: null, latencyMs: 0, hostile: false, tls: false, restricted: false, help: false };
  const number = (name: string, raw: string | undefined, max: number): number => {
    if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) > max) {
      throw new CliUsageError(`${name} needs a whole number up to ${max}, got '${raw ?? ''}'`);
    }
    return Number(raw);
  };
  if (env.PORT) options.port = number('PORT', env.PORT, 65535);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const [flag, inline] = eq > 0 ? [arg.slice(0, eq), arg.slice(eq + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    // `--tls=false` must not quietly turn TLS on.
    const on = (): true => {
      if (inline !== undefined) throw new CliUsageError(`${flag} takes no value, got '${arg}'`);
      return true;
    };
    if (flag === '--port') options.port = number('--port', value(), 65535);
    else if (flag === '--latency') options.latencyMs = number('--latency', value(), 600_000);
    else if (flag === '--hostile') options.hostile = on();
    else if (flag === '--tls') options.tls = on();
    else if (flag === '--restricted') options.restricted = on();
    else if (flag === '--large') options.large = on();
    else if (flag === '--without-source-search') options.withoutSourceSearch = on();
    else if (flag === '--access-token-ttl') options.accessTokenTtlSec = number('--access-token-ttl', value(), MAX_ACCESS_TOKEN_TTL_SEC);
    else if (flag === '--help' || flag === '-h') options.help = on();
    else throw new CliUsageError(`unknown option '${arg}' (try --help)`);
  }
  return options;
}

/**
 * Starts on the requested port; without one, on `defaultPort`, falling back to a free port when that is taken
 * (another Space or demo already running). `onFallback` is told about the fallback.
 */
export async function startFromOptions(
  options: CliOptions, defaultPort = DEFAULT_PORT, onFallback: (port: number) => void = () => {},
): Promise<DemoServer> {
  const common = {
    host: '127.0.0.1', latencyMs: options.latencyMs, hostile: options.hostile, tls: options.tls, restricted: options.restricted,
    ...(options.accessTokenTtlSec !== undefined ? { accessTokenTtlSec: options.accessTokenTtlSec } : {}),
    ...(options.withoutSourceSearch ? { withoutSourceSearch: true } : {}),
    ...(options.large ? { large: true } : {}),
  };
  if (options.port !== null) return startDemoServer({ ...common, port: options.port });
  try {
    return await startDemoServer({ ...common, port: defaultPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    onFallback(defaultPort);
    return startDemoServer({ ...common, port: 0 });
  }
}
