/**
 * A storage area with the browser's semantics (values cloned through JSON as Chrome does, `undefined` values
 * ignored, `get(null)` returns everything) that reports its changes, for the fake browser (fake-browser.ts).
 */

type AccessLevel = 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS';
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

export class FakeStorageArea {
  private readonly data = new Map<string, string>();
  /** Every `set` call, as stored (after cloning). */
  readonly writes: Record<string, unknown>[] = [];
  accessLevel: string | null = null;
  setAccessLevel?: (options: { accessLevel: AccessLevel }) => Promise<void>;
  private readonly onChange: ((changes: StorageChanges) => void) | undefined;

  constructor(opts: { accessLevel?: boolean; onChange?: (changes: StorageChanges) => void } = {}) {
    this.onChange = opts.onChange;
    if (opts.accessLevel) {
      this.setAccessLevel = async ({ accessLevel }) => {
        this.accessLevel = accessLevel;
      };
    }
  }

  async get(keys?: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null || keys === undefined ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const k of wanted) {
      const v = this.data.get(k);
      if (v !== undefined) out[k] = JSON.parse(v);
    }
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    const stored: Record<string, unknown> = {};
    const changes: StorageChanges = {};
    for (const [k, v] of Object.entries(items)) {
      if (v === undefined) continue;
      const json = JSON.stringify(v);
      const old = this.data.get(k);
      this.data.set(k, json);
      stored[k] = JSON.parse(json);
      changes[k] = { ...(old === undefined ? {} : { oldValue: JSON.parse(old) }), newValue: JSON.parse(json) };
    }
    this.writes.push(stored);
    this.changed(changes);
  }

  async remove(keys: string | string[]): Promise<void> {
    const changes: StorageChanges = {};
    for (const k of typeof keys === 'string' ? [keys] : keys) {
      const old = this.data.get(k);
      if (old === undefined) continue;
      this.data.delete(k);
      changes[k] = { oldValue: JSON.parse(old) };
    }
    this.changed(changes);
  }

  /** `storage.onChanged` fires synchronously here, within the call (a real browser fires it a little later). */
  private changed(changes: StorageChanges): void {
    if (Object.keys(changes).length > 0) this.onChange?.(changes);
  }

  /** Synchronous view for assertions. */
  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.data].map(([k, v]) => [k, JSON.parse(v)]));
  }

  /** Raw stored text (keys and values), for "does the token appear anywhere" checks. */
  dump(): string {
    return [...this.data].map(([k, v]) => `${k}=${v}`).join('\n');
  }

  clear(): void {
    this.data.clear();
  }
}
