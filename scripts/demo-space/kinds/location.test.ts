/** kinds/location.ts over real HTTP: search (a plain array) and one location. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { DemoServer } from '../server.ts';
import { api, fieldsParam } from '../test-client.ts';
import { useDemoServer } from '../use-demo-server.ts';
import type { Location } from '../world-types.ts';

const demo = useDemoServer();
let server: DemoServer;
beforeEach(() => { server = demo.current; });

describe('locations', () => {
  it('lists locations as a plain array, filtered by query, type and archived state', async () => {
    const all = await api<Location[]>(server, `/team-directory/locations?${fieldsParam('id,name,type,tz,parent(name)')}`);
    expect(Array.isArray(all.json)).toBe(true);
    expect(all.json.some((l) => l.name === 'Rotterdam Office')).toBe(false);
    const withArchived = await api<Location[]>(server, `/team-directory/locations?withArchived=true&${fieldsParam('name')}`);
    expect(withArchived.json.some((l) => l.name === 'Rotterdam Office')).toBe(true);
    const rooms = await api<Location[]>(server, `/team-directory/locations?type=ConferenceRoom&query=hay&${fieldsParam('name,parent(name)')}`);
    expect(rooms.json).toEqual([{ name: 'Hayabusa', parent: { name: 'Tokyo Office' } }]);
    const tokyo = all.json.find((l) => l.name === 'Tokyo Office') as Location;
    const one = await api<Location>(server, `/team-directory/locations/${tokyo.id}?${fieldsParam('name,tz,timezone(id),address')}`);
    expect(one.json).toMatchObject({ name: 'Tokyo Office', tz: 'Asia/Tokyo', timezone: { id: 'Asia/Tokyo' } });
    expect((await api(server, '/team-directory/locations/nope')).status).toBe(404);
  });
});
