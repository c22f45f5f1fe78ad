/**
 * Host access is given back when no connection uses it any more: after Forget, after switching to another
 * Space origin, and after a connect that failed right after its grant — never the pattern the stored
 * connection still needs. (The real browser's `permissions.getAll()` is checked in e2e/hardening.e2e.ts.)
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionStatus, ForgetResult } from '../../shared/protocol.ts';
import { closedPortOrigin, createRig, type Rig } from '../test-support/harness.ts';

let rig: Rig;
beforeEach(async () => {
  rig = await createRig();
});
afterEach(async () => {
  await rig.close();
});

const LOOPBACK = 'http://127.0.0.1/*';
const LOCALHOST = 'http://localhost/*';
/** The demo server, reached by name (another host pattern than 127.0.0.1). */
const byName = (r: Rig) => r.server.url.replace('127.0.0.1', 'localhost');

async function connectTo(url: string, token = rig.server.token, sessionOnly = false) {
  return rig.ask<ConnectionStatus>({ type: 'connect', url, token, sessionOnly });
}

describe('Forget', () => {
  it('removes the host permission of the forgotten origin', async () => {
    await rig.connect();
    expect(rig.fake.granted()).toEqual([LOOPBACK]);
    expect(await rig.ask<ForgetResult>({ type: 'forget', revoke: false })).toEqual({ ok: true, value: { revoked: 'skipped' } });
    expect(rig.fake.record.permissionRemovals).toEqual([LOOPBACK]);
    expect(rig.fake.granted()).toEqual([]);
  });

  it('revokes in Space first, then gives the access back', async () => {
    await rig.connect();
    expect(await rig.ask({ type: 'forget', revoke: true })).toEqual({ ok: true, value: { revoked: 'confirmed' } });
    expect(rig.fake.granted()).toEqual([]);
  });

  it('also when only the remains of a session-only connection are left (token gone with the session)', async () => {
    await rig.connect(rig.server.token, true);
    rig.fake.restartBrowser();
    await rig.ask({ type: 'forget', revoke: false });
    expect(rig.fake.record.permissionRemovals).toEqual([LOOPBACK]);
    expect(rig.fake.granted()).toEqual([]);
  });

  it('with nothing stored removes nothing', async () => {
    await rig.ask({ type: 'forget', revoke: false });
    expect(rig.fake.record.permissionRemovals).toEqual([]);
    expect(rig.fake.granted()).toEqual([LOOPBACK]);
  });
});

describe('switching to another Space origin', () => {
  it('gives the old origin’s access back once the new one is saved, and keeps the new one', async () => {
    rig.fake.grant(LOCALHOST);
    expect(await connectTo(byName(rig))).toMatchObject({ ok: true, value: { configured: true } });
    expect(rig.fake.record.permissionRemovals).toEqual([]);

    expect(await connectTo(rig.server.url)).toMatchObject({ ok: true, value: { configured: true, origin: rig.server.url } });
    expect(rig.fake.record.permissionRemovals).toEqual([LOCALHOST]);
    expect(rig.fake.granted()).toEqual([LOOPBACK]);
  });

  it('keeps the access when the new origin shares its pattern (another port on the same host)', async () => {
    await rig.connect();
    const second = await createRig();
    try {
      expect(await connectTo(second.server.url, second.server.token)).toMatchObject({ ok: true, value: { origin: second.server.url } });
      expect(rig.fake.record.permissionRemovals).toEqual([]);
      expect(rig.fake.granted()).toEqual([LOOPBACK]);
    } finally {
      await second.close();
    }
  });

  it('replacing the token on the same origin removes nothing', async () => {
    await rig.connect();
    rig.server.addToken('second-token-abcdef');
    await rig.connect('second-token-abcdef', true);
    expect(rig.fake.record.permissionRemovals).toEqual([]);
  });
});

describe('a connect that fails right after its grant', () => {
  it('wrong token, nothing stored: the access just granted is given back', async () => {
    const answer = await connectTo(rig.server.url, 'not-a-real-token-1234');
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.fake.record.permissionRemovals).toEqual([LOOPBACK]);
    expect(rig.fake.granted()).toEqual([]);
  });

  it('unreachable server: given back too', async () => {
    const answer = await connectTo(await closedPortOrigin());
    expect(answer).toMatchObject({ ok: false, error: { code: 'unreachable' } });
    expect(rig.fake.granted()).toEqual([]);
  });

  it('a failed attempt on another host gives back that host only, never the stored connection’s', async () => {
    await rig.connect();
    rig.fake.grant(LOCALHOST);
    const answer = await connectTo(byName(rig), 'not-a-real-token-1234');
    expect(answer).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(rig.fake.record.permissionRemovals).toEqual([LOCALHOST]);
    expect(rig.fake.granted()).toEqual([LOOPBACK]);
    // The stored connection still works.
    expect(await rig.ask({ type: 'verify' })).toMatchObject({ ok: true, value: { auth: 'ok' } });
  });

  it('a failed attempt on the stored connection’s own pattern removes nothing', async () => {
    await rig.connect();
    expect(await connectTo(rig.server.url, 'not-a-real-token-1234')).toMatchObject({ ok: false });
    expect(await connectTo(await closedPortOrigin())).toMatchObject({ ok: false });
    expect(rig.fake.record.permissionRemovals).toEqual([]);
    expect(rig.fake.granted()).toEqual([LOOPBACK]);
  });

  it('no grant at all: nothing to give back', async () => {
    const answer = await connectTo('https://space.example.com');
    expect(answer).toMatchObject({ ok: false, error: { code: 'no-host-permission' } });
    expect(rig.fake.record.permissionRemovals).toEqual([]);
  });
});
