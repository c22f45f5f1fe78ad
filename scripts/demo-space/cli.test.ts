import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseArgs, startFromOptions } from './cli-options.ts';

describe('parseArgs', () => {
  it('reads --port, PORT, --latency, --hostile, --tls and --restricted', () => {
    expect(parseArgs([], {})).toEqual({ port: null, latencyMs: 0, hostile: false, tls: false, restricted: false, help: false });
    expect(parseArgs([], { PORT: '9000' }).port).toBe(9000);
    expect(parseArgs(['--port', '9001'], { PORT: '9000' }).port).toBe(9001);
    expect(parseArgs(['--port=9002', '--latency=150', '--hostile'], {})).toEqual({ port: 9002, latencyMs: 150, hostile: true, tls: false, restricted: false, help: false });
    expect(parseArgs(['--tls'], {}).tls).toBe(true);
    expect(parseArgs(['--restricted'], {}).restricted).toBe(true);
    expect(parseArgs(['--large'], {}).large).toBe(true);
    expect(parseArgs([], {}).large).toBeUndefined();
    expect(parseArgs(['-h'], {}).help).toBe(true);
  });

  it.each([[['--port']], [['--port', 'abc']], [['--port', '70000']], [['--latency', '-1']], [['--verbose']], [['--tls=yes']], [['--restricted=false']], [['--large=yes']]])('rejects %j', (argv) => {
    expect(() => parseArgs(argv, {})).toThrow(CliUsageError);
  });
});

describe('startFromOptions', () => {
  it('starts the server in restricted mode with --restricted', async () => {
    const server = await startFromOptions(parseArgs(['--port', '0', '--restricted'], {}));
    try {
      const absences = await fetch(`${server.url}/api/http/absences`, { headers: { authorization: `Bearer ${server.token}` } });
      expect(absences.status).toBe(403);
      expect(await absences.json()).toMatchObject({ error: 'permission-denied' });
    } finally {
      await server.close();
    }
  });

  it('falls back to a free port when the default one is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as { port: number }).port;
    const fallbacks: number[] = [];
    const server = await startFromOptions({ port: null, latencyMs: 0, hostile: false, tls: false, restricted: false, help: false }, busyPort, (p) => fallbacks.push(p));
    try {
      expect(fallbacks).toEqual([busyPort]);
      expect(server.port).not.toBe(busyPort);
      expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    } finally {
      await server.close();
      blocker.close();
    }
  });

  it('fails on an explicitly requested port that is taken', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busyPort = (blocker.address() as { port: number }).port;
    await expect(startFromOptions({ port: busyPort, latencyMs: 0, hostile: false, tls: false, restricted: false, help: false })).rejects.toMatchObject({ code: 'EADDRINUSE' });
    blocker.close();
  });
});

describe('cli.ts', () => {
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
  const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

  it('lists every option in --help, --restricted included', async () => {
    const child = spawn(tsx, [cli, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(0);
    for (const option of ['--port', '--latency', '--hostile', '--tls', '--restricted', '--large']) expect(output).toContain(option);
    expect(output).toMatch(/--restricted\s+.*\$errors/);
    expect(output).toContain('Profile.Absences.View');
  });

  it('prints URL and token, serves the API and stops cleanly on SIGTERM', async () => {
    const child = spawn(tsx, [cli, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, PORT: '' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      await expect.poll(() => output, { timeout: 15_000, interval: 50 }).toMatch(/Token:\s+\S+/);
      const url = /Space URL:\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      const token = /Token:\s+(\S+)/.exec(output)?.[1];
      expect(url).toBeDefined();
      const me = await fetch(`${url}/api/http/team-directory/profiles/me?$fields=username`, { headers: { authorization: `Bearer ${token}` } });
      expect(await me.json()).toEqual({ username: 'alex.demo' });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output).toContain('SIGTERM received');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
