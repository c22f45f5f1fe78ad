/** TD_Team → Team (space-api.md §2b). */
import { batchFields } from '../fields.ts';
import type { Reader } from '../parse.ts';
import type { Team } from '../types.ts';
import { teamUrl } from '../web-urls.ts';
import { localIsoDay, PERSON_REF_FIELDS, personRef } from './common.ts';

const TEAM_CORE = 'id,name,description,parent(id,name)';

/** Rows: no member list, so `lead` and `memberCount` stay null. */
export const TEAM_BATCH_FIELDS = batchFields(TEAM_CORE);

/** The card: memberships give the lead and the head count (an entity collection, named explicitly). */
export const TEAM_DETAIL_FIELDS = `${TEAM_CORE},memberships(lead,archived,till,member(id,${PERSON_REF_FIELDS}))`;

export function mapTeam(team: Reader, origin: string, today: string = localIsoDay()): Team {
  const id = team.id('id');
  const name = team.str('name');
  const parent = team.optObj('parent');

  let lead: Team['lead'] = null;
  let memberCount: number | null = null;
  if (team.has('memberships')) {
    const active = team.objects('memberships').filter((m) => {
      const till = m.optDate('till');
      return !m.optBool('archived', false) && (till === null || till >= today);
    });
    const members = new Set<string>();
    for (const m of active) {
      const member = m.optObj('member');
      if (!member) continue;
      members.add(member.optStr('id') ?? member.id('username'));
      if (lead === null && m.optBool('lead', false)) lead = personRef(member);
    }
    memberCount = members.size;
  }

  return {
    kind: 'team',
    id,
    title: name,
    webUrl: teamUrl(origin, { id, name }),
    name,
    description: team.optStr('description') ?? '',
    parent: parent ? { id: parent.id('id'), name: parent.str('name') } : null,
    lead,
    memberCount,
  };
}
