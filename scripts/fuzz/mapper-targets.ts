/**
 * The readers of Space answers that are no kind's request: the profile (`me`, shared with the person kind), the
 * person card's extras (working hours, absences), the shared pieces of src/space/mappers, parse.ts and paging.ts.
 * Each is called directly with a realistic answer to mutate (the shapes of space-api.md §10 and the mapper tests),
 * the `$fields` the client asks with, and the typed result it must return. `uncoveredExports()` names any function
 * exported there that no target covers and is not exempt: the fuzz refuses to run (and a unit test fails) until it
 * is added here.
 *
 * The kinds' own mappers are not listed: each kind is fuzzed through its own search and details, whose request
 * descriptors carry their mappers (kind-answers.ts), so a new kind needs no line here.
 *
 * When a mapper's signature changes, only its `run` here changes.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ABSENCE_BATCH_FIELDS, absenceToday } from '../../src/kinds/person/absence.ts';
import { HiddenFields, PERSON_REF_FIELDS, idAndName, idNameRef, identityOf, optPersonRef, personRef } from '../../src/space/mappers/common.ts';
import { PERSON_BATCH_FIELDS, PERSON_FIELDS, mapPerson } from '../../src/space/mappers/person.ts';
import { WORKING_DAYS_BATCH_FIELDS, currentSchedule } from '../../src/kinds/person/working-hours.ts';
import { mapEach, parseBatch } from '../../src/space/paging.ts';
import { Reader, ShapeError, isObject, readArray, readArrayElements } from '../../src/space/parse.ts';
import type { Json } from './json.ts';
import {
  arrayOf, batch, bool, entity, exact, finite, int, matches, nonEmptyStr, nullable, oneOf, str, workingHours, type Check,
} from './results.ts';

/** Where and when the mapper runs: the configured origin and the viewer's day. */
export interface MapContext {
  origin: string;
  today: string;
}

export interface MapperTarget {
  /** `--only=mappers:<name>` */
  name: string;
  /** The exported functions it exercises (`module:export`, module relative to src/space). */
  covers: string[];
  /** The `$fields` selection the client sends for this answer (null: none). */
  fields: string | null;
  template: Json;
  run(json: Json, ctx: MapContext): unknown;
  check(ctx: MapContext): Check;
}

// ---- realistic answers ------------------------------------------------------------------------------------------

const at = (iso: string) => ({ iso, timestamp: Date.parse(iso) });
const ref = { id: '4TUpet38n3Ow', username: 'Joanna.Smith', name: { firstName: 'Joanna', lastName: 'Smith' } };
const inaccessible = (fields: string[]) => [{ className: 'HA_InlineError.InaccessibleFields', fields, message: 'Inaccessible fields' }];

const PERSON = {
  id: '2asfen24Jx6u', username: 'John.Doe', name: { firstName: 'John', lastName: 'Doe' }, smallAvatar: 'vYK0b1Qisdf2C',
  emails: [{ email: 'john.doe@example.com', blocked: false }, { email: 'old@example.com', blocked: true }], phones: ['+1 555 0100'],
  memberships: [
    { archived: false, till: null, team: { id: 't1', name: 'Web' }, role: { name: 'Engineer' } },
    { archived: false, till: { iso: '2020-01-01' }, team: { id: 't2', name: 'Old' }, role: { name: 'Intern' } },
  ],
  locations: [
    { archived: false, till: null, location: { id: 'b', name: 'Amsterdam Office', type: 'Building', tz: 'Europe/Amsterdam' } },
    { archived: false, till: null, location: { id: 'r', name: 'Netherlands', type: 'Region', tz: null } },
  ],
};
const WORKING_DAYS = {
  dateStart: { iso: '2024-01-01' }, dateEnd: null,
  workingDaysSpec: {
    workingHours: [
      { day: 1, checked: true, interval: { since: { hours: 9, minutes: 0 }, till: { hours: 17, minutes: 30 } } },
      { day: 5, checked: true, interval: { since: { hours: 22, minutes: 0 }, till: { hours: 6, minutes: 0 } } },
      { day: 6, checked: false, interval: { since: { hours: 10, minutes: 0 }, till: { hours: 12, minutes: 0 } } },
    ],
    timezone: { id: 'Europe/Berlin' },
  },
};
const ABSENCE = { archived: false, since: { iso: '2024-05-08' }, till: { iso: '2024-05-12' }, available: false, description: 'Trip', reason: { name: 'Vacation' } };

const page = (...items: Json[]): Json => ({ next: String(items.length), totalCount: items.length + 3, data: items });

// ---- targets ----------------------------------------------------------------------------------------------------

const one = (kind: Parameters<typeof entity>[0]) => (ctx: MapContext) => entity(kind, ctx.origin);
const many = (kind: Parameters<typeof entity>[0]) => (ctx: MapContext) => batch(entity(kind, ctx.origin));
const HIDDEN_AS = 'as';

const personRefCheck = exact({ id: nullable(nonEmptyStr), username: nullable(nonEmptyStr), name: nullable(str) });
const idNameCheck = exact({ id: nonEmptyStr, name: str });

export const MAPPER_TARGETS: readonly MapperTarget[] = [
  {
    name: 'person', covers: ['mappers/person:mapPerson'], fields: PERSON_FIELDS, template: PERSON,
    run: (json, ctx) => mapPerson(Reader.of(json), ctx.origin, ctx.today), check: one('person'),
  },
  {
    name: 'people', covers: ['mappers/person:mapPerson', 'paging:parseBatch'], fields: PERSON_BATCH_FIELDS, template: page(PERSON, PERSON),
    run: (json, ctx) => parseBatch(json, (item) => mapPerson(item, ctx.origin, ctx.today)), check: many('person'),
  },
  {
    // A plain array on the wire, read element by element (as the location kind reads its search's answer).
    name: 'elements', covers: ['parse:readArrayElements', 'paging:mapEach'], fields: 'id,name,archived',
    template: [{ id: 'l1', name: 'Amsterdam Office', archived: false }, { id: 'l2', name: 'Old Office', archived: true }],
    run: (json) => mapEach(readArrayElements(json), (l) => (l.optBool('archived', false) ? null : { id: l.id('id'), name: l.str('name') })),
    check: () => exact({ items: arrayOf(nullable(idNameCheck)), unreadable: int(0) }),
  },
  {
    name: 'array', covers: ['parse:readArray'], fields: 'id,name', template: [{ id: 'l1', name: 'Amsterdam Office' }, { id: 'x' }],
    run: (json) => readArray(json).every((r) => r instanceof Reader),
    check: () => oneOf(true),
  },
  {
    name: 'working-hours', covers: ['kinds/person/working-hours:currentSchedule'], fields: WORKING_DAYS_BATCH_FIELDS,
    template: page(WORKING_DAYS, { ...WORKING_DAYS, dateStart: { iso: '2020-01-01' }, dateEnd: { iso: '2023-12-31' } }),
    run: (json, ctx) => currentSchedule(Reader.of(json).objects('data'), ctx.today, new HiddenFields()),
    check: () => nullable(exact({ hours: workingHours, timeZone: nullable(str) })),
  },
  {
    name: 'absences', covers: ['kinds/person/absence:absenceToday'], fields: ABSENCE_BATCH_FIELDS,
    template: page(ABSENCE, { ...ABSENCE, available: true, reason: null }),
    run: (json, ctx) => absenceToday(Reader.of(json).objects('data'), ctx.today, new HiddenFields()),
    check: () => nullable(exact({ reason: str, until: nullable(matches(/^\d{4}-\d{2}-\d{2}$/)) })),
  },
  {
    name: 'person-ref', covers: ['mappers/common:personRef', 'mappers/common:optPersonRef'], fields: `author(${PERSON_REF_FIELDS})`,
    template: { author: ref },
    run: (json) => {
      const owner = Reader.of(json);
      const hidden = new HiddenFields();
      const nested = owner.looseObj('author');
      return { ref: nested ? personRef(nested, hidden, HIDDEN_AS) : null, opt: optPersonRef(owner, 'author', hidden, HIDDEN_AS), hidden: hidden.list() };
    },
    check: () => exact({ ref: nullable(personRefCheck), opt: nullable(personRefCheck), hidden: arrayOf(oneOf(HIDDEN_AS)) }),
  },
  {
    name: 'identity', covers: ['mappers/common:identityOf', 'mappers/common:idAndName', 'mappers/common:idNameRef'],
    fields: 'id,name,parent(id,name)', template: { id: 't1', name: 'Web', parent: { id: 'e', name: 'Engineering' } },
    run: (json) => {
      const hidden = new HiddenFields();
      const entity = Reader.of(json);
      return { identity: identityOf(entity, hidden), pair: idAndName(entity, hidden, { id: 'id', name: 'name' }), ref: idNameRef(entity, hidden, HIDDEN_AS) };
    },
    check: () => exact({
      identity: exact({ id: str, name: str, parent: nullable(idNameCheck) }),
      pair: exact({ id: str, name: str, idWithheld: bool }),
      ref: nullable(idNameCheck),
    }),
  },
  {
    name: 'reader', covers: ['parse:Reader', 'parse:isObject'], fields: null,
    template: { id: 'x', n: 3, b: true, when: at('2024-05-10T00:00:00Z'), day: { iso: '2024-05-10' }, list: [{ id: 'y' }, 'z'], obj: { id: 'w' }, $errors: inaccessible(['gone', 'obj.id']) },
    run: (json) => {
      const reader = Reader.of(json);
      if (!isObject(json)) throw new TypeError('Reader.of took a non-object');
      // Thousands of ShapeErrors per answer: their stack traces would be most of the time spent.
      const limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
      try {
        return readEverything(reader, json);
      } finally {
        Error.stackTraceLimit = limit;
      }
    },
    check: () => (v) => (v === true ? null : 'reader: did not finish'),
  },
];

// ---- the Reader, method by method ------------------------------------------------------------------------------

/** Keys every object is read at, besides its own. */
const PROBE_KEYS = ['missing', '__proto__', 'constructor'];

type ReaderCall = (r: Reader, key: string) => unknown;
/** One call per public member of Reader (typed over `keyof Reader`, so a new method must be added) and its result. */
const READER_CALLS: { [K in keyof Reader]: [ReaderCall, Check] } = {
  path: [(r) => r.path, str],
  has: [(r, k) => r.has(k), bool],
  inaccessible: [(r) => [...r.inaccessible()], arrayOf(nonEmptyStr)],
  withheld: [(r, k) => r.withheld(k), bool],
  withheldWithin: [(r, k) => r.withheldWithin(k), bool],
  withheldAny: [(r, k) => r.withheldAny([k, 'id']), bool],
  strOr: [(r, k) => r.strOr(k, 'fallback'), str],
  idOr: [(r, k) => r.idOr(k, 'fallback'), nonEmptyStr],
  intOr: [(r, k) => r.intOr(k, 7), int(0)],
  objOr: [(r, k) => r.objOr(k) === null || r.objOr(k) instanceof Reader, oneOf(true)],
  looseStr: [(r, k) => r.looseStr(k), nullable(str)],
  looseObj: [(r, k) => r.looseObj(k) === null || r.looseObj(k) instanceof Reader, oneOf(true)],
  str: [(r, k) => r.str(k), str],
  optStr: [(r, k) => r.optStr(k), nullable(str)],
  id: [(r, k) => r.id(k), nonEmptyStr],
  num: [(r, k) => r.num(k), finite],
  optNum: [(r, k) => r.optNum(k), nullable(finite)],
  int: [(r, k) => r.int(k), int(0)],
  bool: [(r, k) => r.bool(k), bool],
  optBool: [(r, k) => r.optBool(k, false), bool],
  obj: [(r, k) => r.obj(k) instanceof Reader, oneOf(true)],
  optObj: [(r, k) => r.optObj(k) === null || r.optObj(k) instanceof Reader, oneOf(true)],
  optArr: [(r, k) => r.optArr(k), arrayOf(() => null)],
  arr: [(r, k) => r.arr(k), arrayOf(() => null)],
  objects: [(r, k) => r.objects(k).every((o) => o instanceof Reader), oneOf(true)],
  objectsOrNull: [(r, k) => r.objectsOrNull(k).every((o) => o === null || o instanceof Reader), oneOf(true)],
  looseObjects: [(r, k) => r.looseObjects(k).every((o) => o instanceof Reader), oneOf(true)],
  strings: [(r, k) => r.strings(k), arrayOf(str)],
  optTimestamp: [(r, k) => r.optTimestamp(k), nullable(finite)],
  optDate: [(r, k) => r.optDate(k), nullable(matches(/^\d{4}-\d{2}-\d{2}$/))],
};

/**
 * Calls every Reader member at every key of the object (and one level into nested objects and arrays of objects).
 * A call may throw only a ShapeError (the caller checks); a value it returns must have its declared type.
 */
function readEverything(reader: Reader, json: Record<string, unknown>, depth = 0): true {
  const keys = [...new Set([...Object.keys(json), ...PROBE_KEYS])];
  for (const key of keys) {
    for (const [name, [call, check]] of Object.entries(READER_CALLS)) {
      let value: unknown;
      try {
        value = call(reader, key);
      } catch (e) {
        if (e instanceof ShapeError) continue;
        throw new TypeError(`Reader.${name}(${JSON.stringify(key)}) threw ${String(e)}`, { cause: e });
      }
      const wrong = check(value, `Reader.${name}(${JSON.stringify(key)})`);
      if (wrong) throw new TypeError(wrong);
    }
    if (depth === 0) {
      const value = Object.hasOwn(json, key) ? json[key] : undefined;
      const child = reader.looseObj(key);
      if (child && isObject(value)) readEverything(child, value, 1);
      const first = Array.isArray(value) ? value.find(isObject) : undefined;
      const item = reader.looseObjects(key)[0];
      if (item && first) readEverything(item, first, 1);
    }
  }
  return true;
}

// ---- coverage ---------------------------------------------------------------------------------------------------

/** Exported functions that read no Space answer (or are the error itself), with why they are not fuzzed. */
export const EXEMPT: Record<string, string> = {
  'mappers/common:fullName': 'joins two strings the mappers already read',
  'mappers/common:localIsoDay': 'formats the viewer\'s clock; no Space data',
  'mappers/common:HiddenFields': 'the set of withheld names every mapper fills; exercised by all of them',
  'parse:ShapeError': 'the typed error itself',
  'paging:pageQuery': 'builds a request\'s paging; reads no answer',
  'paging:pageSize': 'clamps the page size asked for; reads no answer',
  'paging:pageOffset': 'reads the caller\'s `skip`, not Space\'s answer',
};

const SRC_DIR = fileURLToPath(new URL('../../src/', import.meta.url));

/**
 * `module:export` of every function exported by src/space/mappers/*.ts, parse.ts, paging.ts and the person card's
 * extras. Modules are named from src/space (`parse`, `mappers/common`) or as `kinds/<kind>/<file>`. (The kinds'
 * mappers are reached through their requests: kind-answers.ts.)
 */
export async function exportedReaders(): Promise<string[]> {
  const modules = [
    ...readdirSync(`${SRC_DIR}space/mappers`).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => `mappers/${f.slice(0, -3)}`),
    'parse', 'paging',
    'kinds/person/absence', 'kinds/person/working-hours',
  ];
  const out: string[] = [];
  for (const module of modules) {
    const file = module.startsWith('kinds/') ? `${SRC_DIR}${module}.ts` : `${SRC_DIR}space/${module}.ts`;
    // A file of our own src folder, listed just above.
    // eslint-disable-next-line no-unsanitized/method
    const exports = await import(pathToFileURL(file).href) as Record<string, unknown>;
    for (const [name, value] of Object.entries(exports)) if (typeof value === 'function') out.push(`${module}:${name}`);
  }
  return out.sort();
}

/** Exported readers of Space answers that no target covers and that are not exempt. */
export async function uncoveredExports(): Promise<string[]> {
  const covered = new Set(MAPPER_TARGETS.flatMap((t) => t.covers));
  return (await exportedReaders()).filter((name) => !covered.has(name) && !Object.hasOwn(EXEMPT, name));
}
