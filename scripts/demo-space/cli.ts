/**
 * `npm run demo-server` — starts the demo Space server on 127.0.0.1 and prints its URL and demo token.
 *
 *   --port N / PORT=N   port (default 8084, Space On-Premises' default; a free port if 8084 is taken)
 *   --latency MS        latency added to every API request
 *   --hostile           add the hostile-strings data set (XSS/bidi/5 kB titles) for rendering tests
 *   --tls               HTTPS with HTTP/2, self-signed demo certificate (scripts/demo-space/tls/README.md)
 *   --restricted        answer like Space does to a token with few rights: profiles nested in issues, reviews and
 *                       teams come back as an id with an inline `$errors`, absences are forbidden (403)
 *   --access-token-ttl N  lifetime in seconds of access tokens from "Sign in with Space" (default 600)
 *   --without-source-search  answer `GET /projects/source-search` with a bare 404, like a Space older than 2024.3
 *   --large             the large organization: 10,000 people, 500 teams, 300 projects, 1,000 repositories, 2,000 channels
 */
import { CliUsageError, DEFAULT_PORT, parseArgs, startFromOptions, type CliOptions } from './cli-options.ts';
import { DEFAULT_ACCESS_TOKEN_TTL_SEC } from './oauth.ts';
import type { DemoServer } from './server.ts';
import { onContractViolation } from '../contract/log.ts';

const USAGE = [
  'Usage: npm run demo-server -- [--port N] [--latency MS] [--hostile] [--tls] [--restricted] [--access-token-ttl N]',
  '                              [--without-source-search] [--large]',
  '',
  '  --port N        port (default 8084, or a free port when it is taken); PORT=N works too',
  '  --latency MS    latency added to every API request',
  '  --hostile       add people, a project, issues and a review full of hostile strings (XSS tests)',
  '  --tls           HTTPS with HTTP/2 and the self-signed demo certificate',
  '  --restricted    a token with few rights: nested profiles come back as an id with inline $errors,',
  '                  absences answer 403 (Profile.Absences.View)',
  '  --access-token-ttl N  lifetime in seconds of OAuth access tokens (Sign in with Space; default 600)',
  '  --without-source-search  answer source search with a bare 404, like a Space older than 2024.3',
  '  --large         the large organization: 10,000 people, 500 teams, 300 projects, 1,000 repositories, 2,000 channels',
].join('\n');

/** A request real Space would not accept is the client's bug even when the demo answers it: say so. */
onContractViolation((v) => console.warn(`[demo-space] not valid against Space's published API: ${v.kind}: ${v.detail}\n    in ${v.request}`));

async function main(): Promise<void> {
  let options: CliOptions;
  try {
    options = parseArgs(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof CliUsageError)) throw error;
    console.error(`demo-server: ${error.message}\n${USAGE}`);
    process.exit(2);
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }

  let server: DemoServer;
  try {
    server = await startFromOptions(options, DEFAULT_PORT, (port) => {
      console.warn(`demo-server: port ${port} is taken; using a free port instead.`);
    });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE'
      ? `demo-server: port ${options.port} is already in use. Pick another with --port.`
      : `demo-server: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  const { dataset } = server;
  const people = dataset.profiles.filter((p) => !p.archived).length;
  const me = dataset.demoUser;
  console.log([
    '',
    `  Demo Space "${dataset.organizationName}" is running${options.hostile ? ' (with hostile test data)' : ''}`,
    '',
    `  Space URL:   ${server.url}`,
    `  Token:       ${server.token}`,
    `  OAuth:       client ID ${server.oauthClientId} (Sign in with Space; any chromiumapp.org / extensions.allizom.org`,
    `               redirect URI; access tokens live ${options.accessTokenTtlSec ?? DEFAULT_ACCESS_TOKEN_TTL_SEC} s)`,
    `  Signed in:   ${me.name.firstName} ${me.name.lastName} (@${me.username})`,
    `  Data:        ${people} people, ${dataset.teams.length} teams, ${dataset.projects.length} projects, ${dataset.issues.length} issues`
      + (dataset.large ? `, ${dataset.channels.length} channels (large organization)` : ''),
    options.latencyMs > 0 ? `  Latency:     +${options.latencyMs} ms per API request` : null,
    options.restricted ? '  Restricted:  nested profiles withheld ($errors), absences forbidden (403)' : null,
    options.withoutSourceSearch ? '  No source search: GET /projects/source-search answers a bare 404 (a Space older than 2024.3)' : null,
    options.tls ? '  TLS:         HTTP/2, self-signed DEMO certificate (scripts/demo-space/tls/demo-cert.pem); browsers' : null,
    options.tls ? '               reject it unless a throwaway profile runs with --ignore-certificate-errors.' : null,
    '',
    '  Paste the URL and token into the Space Lookup options page (or sign in with the client ID). Ctrl+C stops the server.',
    '',
  ].filter((line) => line !== null).join('\n'));

  let stopping = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    console.log(`\ndemo-server: ${signal} received, stopping.`);
    server.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
