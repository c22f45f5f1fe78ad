/**
 * Hostile strings for the chat, blog and code kinds (with `hostile: true`, like data-hostile.ts): a channel, an
 * article and a source file in the XSS project whose names, texts and code lines are markup, bidi overrides and
 * `javascript:` values. The extension must show them as inert text. The word `hostile` finds all three.
 */
import { HOSTILE_PROJECT_KEY, HOSTILE_STRINGS, HOSTILE_USERNAME } from './data-hostile.ts';
import { createPrng } from './prng.ts';
import type { ArticleRecord, ChatChannel, MemberProfile, Project, SourceFile } from './space-types.ts';
import { DAY_MS, dateTime } from './wire.ts';

const SEED_HOSTILE_KINDS = 0x5eed_0bae;

export function hostileKinds(profiles: readonly MemberProfile[], projects: readonly Project[], demoUser: MemberProfile, anchorMs: number): {
  channel: ChatChannel; article: ArticleRecord; file: SourceFile;
} {
  const prng = createPrng(SEED_HOSTILE_KINDS);
  const h = HOSTILE_STRINGS;
  const author = profiles.find((p) => p.username === HOSTILE_USERNAME);
  const project = projects.find((p) => p.key.key === HOSTILE_PROJECT_KEY);
  const repository = project?.repos[0];
  if (!author || !project || !repository) throw new Error('hostile kinds need the hostile person and project');
  const when = dateTime(anchorMs - 2 * DAY_MS);
  const id = prng.id();
  const markdown = `${h.scriptClose}\n\n${h.bidi}`;
  return {
    channel: {
      id: prng.id(), name: `hostile-${h.imgTag}`, description: `${h.bidi} ${h.javascriptUrl} ${h.zeroWidth}`, access: 'Public',
      created: when, createdBy: author, subscribers: [author, demoUser], archived: false, totalMessages: 1, lastMessageTime: when,
    },
    article: {
      id, archived: false, title: `Hostile ${h.svgBreakout} ${h.rtlMixed}`, created: when, author, aliases: [],
      archivedBy: null, archivedAt: null, content: markdown, editable: false,
      channel: { id: prng.id(), contact: { defaultName: h.imgTag, key: `article/${id}` }, totalMessages: 0, archived: false },
      channelContent: null, reactions: { id: prng.id(), emojiReactions: [] }, event: null, teams: null, locations: null,
      externalEntityInfo: null, previewImages: [], preview: `${h.imgTag} ${h.template} ${h.controlChars}`, previewAttachments: null,
      wordsNumber: 4, cut: false, docContent: { className: 'MdTextDocumentContent', markdown }, attachments: [],
    },
    file: {
      project, repository, path: `src/${h.imgTag}/hostile ${h.bidi}.html`,
      text: [`<!-- hostile -->`, h.scriptClose, `<a href="${h.javascriptUrl}">hostile link</a>`, h.svgBreakout, h.zeroWidth, h.longTitle, ''].join('\n'),
    },
  };
}
