/**
 * kinds/channel.ts over real HTTP: Space's parameters (required `query` enforced), paging, `$fields`, and a
 * hostile channel served verbatim.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { HOSTILE_STRINGS as h } from '../data-hostile.ts';
import { startDemoServer, type DemoServer } from '../server.ts';
import { api, fieldsParam, takeViolationKinds, type BatchJson } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { AllChannelsListEntry } from './channel.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

const CHANNEL = 'channelId,name,description,subscribers,subscribed,archived,lastMessageTime';
const channels = async (params: string) =>
  api<BatchJson<AllChannelsListEntry>>(server, `/chats/channels/all-channels?${params}&${fieldsParam(`next,totalCount,data(${CHANNEL})`)}`);
const names = (r: { json: BatchJson<{ name: string }> }) => r.json.data.map((c) => c.name);

describe('GET /chats/channels/all-channels', () => {
  it('gives every channel an id of its own (a directory keyed by id keeps them all), a team\'s own channel its channelId', () => {
    const ids = server.dataset.channels.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const telemetry = server.dataset.teams.find((t) => t.name === 'Telemetry')!;
    expect(server.dataset.channels.filter((c) => c.id === telemetry.channelId).map((c) => c.name)).toEqual(['telemetry-alerts']);
  });

  it('finds a channel by a word of its name or description, with its counts and the viewer\'s subscription', async () => {
    const r = await channels('query=zenith');
    expect(r.status).toBe(200);
    expect(r.json.data).toHaveLength(1);
    const zenith = server.dataset.channels.find((c) => c.name === 'zenith-lounge');
    expect(r.json.data[0]).toEqual({
      channelId: zenith?.id, name: 'zenith-lounge', description: zenith?.description, subscribers: zenith?.subscribers.length,
      subscribed: true, archived: false, lastMessageTime: { iso: expect.any(String), timestamp: zenith?.lastMessageTime?.timestamp },
    });
    expect(names(await channels('query=STARGAZING'))).toEqual(['zenith-lounge']);
  });

  it('an empty query lists every channel the viewer may see, by name; private ones only to their members', async () => {
    const all = names(await channels('query='));
    expect(all).toEqual([...all].sort());
    expect(all).toContain('hiring-web');
    expect(all).not.toContain('leadership');
    expect(all).toContain('legacy-telemetry');
    expect(names(await channels('query=&withArchived=false'))).not.toContain('legacy-telemetry');
    expect(names(await channels('query=&publicOnly=true'))).not.toContain('hiring-web');
  });

  it('team and office channels are the team\'s and the building\'s own channel', async () => {
    const r = await channels('query=web-platform');
    const team = server.dataset.teams.find((t) => t.name === 'Web Platform');
    expect(r.json.data.map((c) => c.channelId)).toEqual([team?.channelId]);
    const office = server.dataset.locations.find((l) => l.name === 'Amsterdam Office');
    expect((await channels('query=amsterdam')).json.data.map((c) => c.channelId)).toContain(office?.channelId);
  });

  it('quick filters, sorting and the subscriber filter', async () => {
    const subscribed = await channels('query=&quickFilter=Subscribed');
    expect(subscribed.json.data.every((c) => c.subscribed)).toBe(true);
    expect(names(subscribed)).toEqual(expect.arrayContaining(['general', 'zenith-lounge', 'hiring-web']));
    const busiest = await channels('query=&sortColumn=Subscribers&sortOrder=DESC&$top=1');
    expect(names(busiest)).toEqual(['general']);
    const mine = await channels('query=&subscriber=me');
    expect(names(mine)).toEqual(names(subscribed));
  });

  it('pages with $top/$skip and reports the total', async () => {
    const first = await channels('query=&$top=5');
    const second = await channels(`query=&$top=5&$skip=${first.json.next}`);
    expect(first.json).toMatchObject({ next: '5', totalCount: first.json.totalCount });
    expect(second.json.data).toHaveLength(5);
    expect(new Set([...names(first), ...names(second)]).size).toBe(10);
  });

  it('requires `query` (400 validation-error), and checks enum values', async () => {
    const missing = await api(server, '/chats/channels/all-channels');
    expect(missing.status).toBe(400);
    expect(missing.json).toEqual({ error: 'validation-error', error_description: "Parameter 'query' is required" });
    const badEnum = await api(server, '/chats/channels/all-channels?query=&quickFilter=Everything');
    expect(badEnum.status).toBe(400);
    expect(takeViolationKinds()).toEqual(['missing-parameter', 'invalid-value']);
  });
});

describe('hostile data', () => {
  it('serves markup verbatim in a channel\'s name and description', async () => {
    const hostile = await startDemoServer({ hostile: true });
    try {
      const channel = await api<BatchJson<AllChannelsListEntry>>(hostile, `/chats/channels/all-channels?query=hostile&${fieldsParam('data(name,description)')}`);
      expect(channel.json.data).toEqual([{ name: `hostile-${h.imgTag}`, description: expect.stringContaining(h.javascriptUrl) }]);
    } finally {
      await hostile.close();
    }
  });
});
