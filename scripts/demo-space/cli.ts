/**
 * `npm run demo-server` — starts the demo Space server on 127.0.0.1 and prints its URL and demo token.
 *
 *   --port N / PORT=N   port (default 8084, Space On-Premises' default; a free port if 8084 is taken)
 *   --latency MS        latency added to every API request
 *   --hostile           add the hostile-strings data set (XSS/bidi/5 kB titles) for rendering tests
 */
import { startDemoServer, type DemoServer } from './server.ts';

const DEFAULT_PORT = 8084;

interface CliOptions {
  port: number | null;
  latencyMs: number;
  hostile: boolean;
}

function parseArgs(argv: readonly string[], env: NodeJS.ProcessEnv): CliOptions {
  const options: CliOptions = { port: null, latencyMs: 0, hostile: false };
  const number = (name: string, raw: string | undefined, max: number): number => {
    const value = Number(raw);
    if (raw === undefined || !/^\d+$/.test(raw) || value > max) {
      console.error(`demo-server: ${name} needs a whole number up to ${max}, got '${raw ?? ''}'`);
      process.exit(2);
    }
    return value;
  };
  if (env.PORT) options.port = number('PORT', env.PORT, 65535);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (flag === '--port') options.port = number('--port', value(), 65535);
    else if (flag === '--latency') options.latencyMs = number('--latency', value(), 600_000);
    else if (flag === '--hostile') options.hostile = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('Usage: npm run demo-server -- [--port N] [--latency MS] [--hostile]');
      process.exit(0);
    } else {
      console.error(`demo-server: unknown option '${arg}' (try --help)`);
      process.exit(2);
    }
  }
  return options;
}

async function start(options: CliOptions): Promise<DemoServer> {
  const common = { host: '127.0.0.1', latencyMs: options.latencyMs, hostile: options.hostile };
  if (options.port !== null) return startDemoServer({ ...common, port: options.port });
  try {
    return await startDemoServer({ ...common, port: DEFAULT_PORT });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.warn(`demo-server: port ${DEFAULT_PORT} is taken; using a free port instead.`);
    return startDemoServer({ ...common, port: 0 });
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2), process.env);
  let server: DemoServer;
  try {
    server = await start(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    console.error(code === 'EADDRINUSE'
      ? `demo-server: port ${options.port} is already in use. Pick another with --port.`
      : `demo-server: could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }

  const people = server.dataset.profiles.filter((p) => !p.archived).length;
  const me = server.dataset.demoUser;
  console.log([
    '',
    `  Demo Space "${server.dataset.organizationName}" is running${options.hostile ? ' (with hostile test data)' : ''}`,
    '',
    `  Space URL:   ${server.url}`,
    `  Token:       ${server.token}`,
    `  Signed in:   ${me.name.firstName} ${me.name.lastName} (@${me.username})`,
    `  Data:        ${people} people, ${server.dataset.teams.length} teams, ${server.dataset.projects.length} projects, ${server.dataset.issues.length} issues`,
    options.latencyMs > 0 ? `  Latency:     +${options.latencyMs} ms per API request` : null,
    '',
    '  Paste the URL and token into the Space Lookup options page. Ctrl+C stops the server.',
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
