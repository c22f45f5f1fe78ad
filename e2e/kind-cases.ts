/**
 * One search per entity kind that finds a known item of the demo organization, and the Space URL that item
 * must open at. Shared by the lookup suite and the restricted-token suite.
 *
 * Each case lives beside the data it depends on: the `e2e` field of the kind's demo module
 * (`scripts/demo-space/kinds/<kind>.ts`, `KindE2eCase` in kind-kit.ts). CASES has one per kind of ALL_KINDS, in its
 * order; a kind whose module has no case is left out, so e2e/kinds.e2e.ts ("a case for every kind") fails naming it.
 */
import type { Page } from 'playwright-core';
import type { KindE2eCase, KindModule } from '../scripts/demo-space/kind-kit.ts';
import { loadKindModules } from '../scripts/demo-space/kind-modules.ts';
import { ALL_KINDS, type EntityKind } from '../src/shared/kinds.ts';
import { type Harness, moveTo, typeQuery, waitForSearchDone } from './harness.ts';

export interface Case {
  kind: EntityKind;
  /** A fixed query, or one derived from the demo data. */
  query: string | ((h: Harness) => string);
  url: (h: Harness) => string;
  /** Texts the item's card shows once it is the active result (checked where the suite looks at cards). */
  card?: readonly string[];
}

/** A demo module's case, run against a harness's demo server (its origin and dataset). */
export function caseOf(kind: EntityKind, e2e: KindE2eCase): Case {
  const { query, url, card } = e2e;
  return {
    kind,
    query: typeof query === 'string' ? query : (h) => query(h.demo.dataset),
    url: (h) => url(h.origin, h.demo.dataset),
    ...(card ? { card } : {}),
  };
}

/** The cases of `modules`, one per kind of ALL_KINDS that has a module with an `e2e` case, in ALL_KINDS order. */
export function casesOf(modules: readonly KindModule[]): Case[] {
  return ALL_KINDS.flatMap((kind) => {
    const e2e = modules.find((m) => m.kind === kind)?.e2e;
    return e2e ? [caseOf(kind, e2e)] : [];
  });
}

export const CASES: Case[] = casesOf(await loadKindModules());

/**
 * Types the case's query in a popup page, waits for its row in the kind's group, looks at the card (`inspect`
 * runs with the row active) and clicks the row. Returns the URL of the tab that opened.
 */
export async function findAndOpen(h: Harness, c: Case, inspect?: (popup: Page) => Promise<void>): Promise<{ opened: string }> {
  const popup = await h.openPopupPage();
  await typeQuery(popup, typeof c.query === 'string' ? c.query : c.query(h));
  await waitForSearchDone(popup);
  const expected = c.url(h);
  const row = popup.getByTestId(`group-${c.kind}`).locator(`[data-testid="result"][data-kind="${c.kind}"][data-url="${expected}"]`);
  await row.waitFor();
  if (inspect) {
    await moveTo(popup, expected);
    await inspect(popup);
  }
  const tab = await h.nextPage(() => row.click());
  const opened = tab.url();
  await tab.close();
  if (!popup.isClosed()) await popup.close();
  return { opened };
}
