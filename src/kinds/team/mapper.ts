/** TD_Team → Team (space-api.md §2b). */
import { batchFields } from '../../space/fields.ts';
import type { Reader } from '../../space/parse.ts';
import type { Team } from './entity.ts';
import { teamUrl } from './web-url.ts';
import { HiddenFields, PERSON_REF_FIELDS, identityOf, localIsoDay, personRef } from '../../space/mappers/common.ts';

const TEAM_CORE = 'id,name,description,parent(id,name)';
/** Rows: no member list, so `lead` and `memberCount` stay null. */
export const TEAM_BATCH_FIELDS = batchFields(TEAM_CORE);
/** The card: memberships give the lead and the head count (an entity collection, named explicitly). */
export const TEAM_DETAIL_FIELDS = `${TEAM_CORE},memberships(lead,archived,till,member(${PERSON_REF_FIELDS}))`;

/**
 * The team's id and name are required unless withheld (then one stands in for the other). The lead and
 * the members are references to profiles, which a limited token may not read: they never fail the team.
 */
export function mapTeam(team: Reader, origin: string, today: string = localIsoDay()): Team {
  const hidden = new HiddenFields();
  const { id, name, parent } = identityOf(team, hidden);
  hidden.check(team, 'description', 'description');
  // Withheld as a whole, the lead and the head count both stay unknown (null).
  const members = hidden.check(team, 'memberships', 'lead', 'memberCount') ? null : teamMembers(team, hidden, today);
  const title = name || id;
  return hidden.apply<Team>({
    kind: 'team',
    id,
    title,
    webUrl: teamUrl(origin, { id, name }),
    name,
    description: hidden.optional('description', () => team.optStr('description')) ?? '',
    parent,
    lead: members?.lead ?? null,
    memberCount: members?.count ?? null,
  });
}

/** The current lead and head count; null when the team was read without its memberships (a search row). */
function teamMembers(team: Reader, hidden: HiddenFields, today: string): { lead: Team['lead']; count: number } | null {
  if (!team.has('memberships')) return null;
  const members = new Set<string>();
  let lead: Team['lead'] = null;
  for (const [i, m] of team.looseObjects('memberships').entries()) {
    // Without `archived`/`till` a current membership can't be told from an ended one: counted, but marked.
    hidden.checkWithin(m, ['archived', 'till'], 'memberCount', 'lead');
    const till = m.optDate('till');
    if (m.optBool('archived', false) || (till !== null && till < today)) continue;
    // A withheld member of a lead membership is a withheld lead.
    hidden.check(m, 'member', ...(m.optBool('lead', false) ? ['memberCount', 'lead'] : ['memberCount']));
    hidden.check(m, 'lead', 'lead');
    const member = m.looseObj('member');
    if (!member) continue;
    // Members are told apart by id: without it two memberships of one person may count twice.
    hidden.check(member, 'id', 'memberCount');
    const isLead = lead === null && m.optBool('lead', false);
    // Only the lead's own withheld fields make `lead` hidden; other members' don't matter here.
    const ref = personRef(member, isLead ? hidden : new HiddenFields(), 'lead');
    // A member Space shows nothing of still counts, once per membership.
    members.add(ref.id ?? (ref.username === null ? `#${i}` : `@${ref.username}`));
    if (isLead) lead = ref;
  }
  return { lead, count: members.size };
}
