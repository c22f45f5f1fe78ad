/**
 * Code: `GET /projects/source-search`, full-text search over the files of every repository the viewer can read. In
 * the 2024.3 spec, not in the 2024-11 SDK (space-api.md §12); `startDemoServer({ withoutSourceSearch: true })` (or
 * `--without-source-search`, or `POST /__demo/source-search {"on": false}`) makes the server answer it with a bare
 * 404, like a Space that lacks it.
 *
 * [C] parameters: `query` (required), `project`, `repositoryName`, `fileMask`, `$skip`, `$top`; items are
 * `SourceSearchItem {key, project, repository, file, lines, content}`. [I] everything else, the same guesses the
 * client's mapper makes: one item per file; `lines` are the matching lines as ranges of 0-based line indexes;
 * `content.lines` the matching lines with one line of context each side, `index` 0-based and `offset` the character
 * offset of the line's start. A match is a case- and accent-insensitive substring of one line; a blank query finds
 * nothing; archived projects are not searched.
 *
 * The data: small source files in the demo repositories, real enough that a search finds a function, a config key
 * or a sentence in a README on the line where it is; each at its repository's head commit (`defaultBranch.ref`).
 * Words tests can rely on: `albedo` matches only NAV/nav-core `src/main/kotlin/orbital/nav/AlbedoCorrection.kt`
 * (first on line 6); `invoice` matches only the private FINANCE repository, which the demo user cannot read, so
 * it finds nothing for them; `retry-after` matches three files, two in ABC/backend and one in ABC/backend-gateway.
 */
import { fileUrl } from '../../../src/kinds/code/web-url.ts';
import { HOSTILE_PROJECT_KEY, HOSTILE_STRINGS } from '../data-hostile.ts';
import type { World } from '../dataset.ts';
import { defineKind, fold, pageOf, route, validationError, type RequestContext } from '../kind-kit.ts';
import { isProjectVisible } from '../lookup.ts';
import type { Project, RepositoryInfo } from '../world-types.ts';

declare module '../dataset.ts' {
  interface KindData {
    /** Files in the repositories, for source search. */
    sourceFiles: SourceFile[];
  }
}

/** The file the source search finds for `albedo`, at its first matching line (the e2e case's). */
const ALBEDO = { projectKey: 'NAV', repository: 'nav-core', path: 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt', line: 6 };

export default defineKind({
  kind: 'code',
  routes: [route('GET', '/projects/source-search', sourceSearch, { servedWhen: (server) => server.sourceSearch })],
  data: (world, { hostile }) => {
    const sourceFiles = generateSourceFiles(world);
    if (hostile) sourceFiles.push(hostileFile(world));
    return { sourceFiles };
  },
  counts: (ds) => ({ sourceFiles: ds.sourceFiles.length }),
  e2e: {
    query: 'albedo',
    url: (origin, ds) => fileUrl(origin, {
      ...ALBEDO, commit: ds.projectByKey.get('NAV')!.repos.find((r) => r.name === 'nav-core')!.defaultBranch!.ref,
    }),
    card: [ALBEDO.path, 'nav-core', 'Earth albedo adds light to the sun sensors'],
  },
});

/** A file in a demo repository, at the repository's head commit (`defaultBranch.ref`). */
export interface SourceFile {
  project: Project;
  repository: RepositoryInfo;
  path: string;
  text: string;
}

/** CodeLine ([C] OAS): `index` the 0-based line number [I], `offset` the character offset of the line's start [I]. */
export interface CodeLine {
  text: string;
  index: number | null;
  offset: number;
  syntax: null;
}

/** TextRange ([C] OAS); in SourceSearchItem.lines the demo sends 0-based line indexes and a line count [I]. */
export interface TextRange {
  start: number;
  length: number;
}

/** SourceSearchItem ([C] OAS 2024.3). */
export interface SourceSearchItem {
  key: string;
  project: Project;
  repository: string;
  file: { commit: string; path: string; blob: string; type: 'FILE'; properties: null };
  lines: TextRange[];
  content: { type: 'TEXT'; lineEnding: 'LF'; bom: null; lines: CodeLine[]; widgets: null; folds: null; scopes: null };
}

/** Lines of context around each match. */
const CONTEXT = 1;


function sourceSearch(ctx: RequestContext): unknown {
  const { dataset: ds, query: q, viewer } = ctx;
  const query = q.get('query');
  if (query === undefined) throw validationError("Parameter 'query' is required");
  const needle = fold(query).trim();
  const project = q.get('project') || undefined;
  const repositoryName = q.get('repositoryName') || undefined;
  const mask = q.get('fileMask') ? globToRegExp(q.get('fileMask') as string) : undefined;

  const items = needle === '' ? [] : ds.sourceFiles
    .filter((f) =>
      !f.project.archived && isProjectVisible(f.project, viewer)
      && (project === undefined || namesProject(f.project, project))
      && (repositoryName === undefined || f.repository.name === repositoryName)
      && (mask === undefined || mask.test(f.path) || mask.test(f.path.slice(f.path.lastIndexOf('/') + 1))))
    .sort((a, b) => a.project.key.key.localeCompare(b.project.key.key) || a.repository.name.localeCompare(b.repository.name) || a.path.localeCompare(b.path))
    .flatMap((f) => {
      const item = searchFile(f, needle);
      return item ? [item] : [];
    });
  return pageOf(items, q);
}

/** `key:ABC`, `id:x` or a bare key [I: the spec types `project` as a plain string]. */
function namesProject(project: Project, value: string): boolean {
  if (value.startsWith('id:')) return project.id === value.slice(3);
  const key = value.startsWith('key:') ? value.slice(4) : value;
  return project.key.key.toUpperCase() === key.toUpperCase();
}

/** `*` any run of characters but `/`, `**` any run, `?` one character [I]. */
function globToRegExp(glob: string): RegExp {
  const source = glob.split(/(\*\*|\*|\?)/).map((part) => {
    if (part === '**') return '.*';
    if (part === '*') return '[^/]*';
    if (part === '?') return '[^/]';
    return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${source}$`, 'i');
}

function searchFile(file: SourceFile, needle: string): SourceSearchItem | null {
  const lines = file.text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const matches = lines.flatMap((text, index) => (fold(text).includes(needle) ? [index] : []));
  if (matches.length === 0) return null;

  const offsets: number[] = [];
  let offset = 0;
  for (const text of lines) {
    offsets.push(offset);
    offset += text.length + 1;
  }
  const shown = new Set<number>();
  for (const index of matches) {
    for (let i = Math.max(0, index - CONTEXT); i <= Math.min(lines.length - 1, index + CONTEXT); i++) shown.add(i);
  }
  const content: CodeLine[] = [...shown].sort((a, b) => a - b)
    .map((index) => ({ text: lines[index] as string, index, offset: offsets[index] as number, syntax: null }));

  const ranges: TextRange[] = [];
  for (const index of matches) {
    const last = ranges.at(-1);
    if (last && last.start + last.length === index) last.length += 1;
    else ranges.push({ start: index, length: 1 });
  }
  const commit = file.repository.defaultBranch?.ref ?? '';
  return {
    key: `${file.project.key.key}/${file.repository.name}/${file.path}`,
    project: file.project,
    repository: file.repository.name,
    file: { commit, path: file.path, blob: blobId(commit, file.path), type: 'FILE', properties: null },
    lines: ranges,
    content: { type: 'TEXT', lineEnding: 'LF', bom: null, lines: content, widgets: null, folds: null, scopes: null },
  };
}

/** A stable fake blob id (40 hex) for a path at a commit. */
function blobId(commit: string, path: string): string {
  let h = 0x811c9dc5;
  const text = `${commit}:${path}`;
  let out = '';
  for (let round = 0; out.length < 40; round++) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i) ^ round, 0x01000193);
    out += (h >>> 0).toString(16).padStart(8, '0');
  }
  return out.slice(0, 40);
}

const FILES: readonly [projectKey: string, repository: string, path: string, text: string][] = [
  ['ABC', 'backend', 'src/main/kotlin/orbital/api/ratelimit/RateLimiter.kt', `package orbital.api.ratelimit

import java.time.Clock
import java.time.Duration

/** A token bucket per API client. */
class RateLimiter(private val capacity: Int, private val refill: Duration, private val clock: Clock) {
    private val buckets = mutableMapOf<String, Bucket>()

    fun tryAcquire(clientId: String): Decision {
        val bucket = buckets.getOrPut(clientId) { Bucket(capacity, clock.instant()) }
        bucket.refill(clock.instant(), refill, capacity)
        if (bucket.tokens > 0) {
            bucket.tokens -= 1
            return Decision.Allowed
        }
        // Tell the client when to come back: answer 429 with a Retry-After header in whole seconds.
        val retryAfter = bucket.nextTokenAt(refill).epochSecond - clock.instant().epochSecond
        return Decision.Limited(retryAfterSeconds = maxOf(1, retryAfter))
    }
}
`],
  ['ABC', 'backend', 'README.md', `# Alpha Backend

Core services of the Northwind mission platform: accounts, scheduling and the public API.

## Running locally

    ./gradlew run --args="--profile=local"

The API listens on port 8081. Rate limits are off in the local profile.

## Conventions

- Every endpoint answers errors as \`{"error": code, "error_description": text}\`.
- Throttled requests get 429 and a Retry-After header.
`],
  ['ABC', 'backend-gateway', 'config/routes.yaml', `# Public routes of the API gateway.
routes:
  - path: /api/v1/passes
    upstream: http://pass-scheduler:8080
    rateLimit: { perMinute: 600 }
  - path: /api/v1/telemetry
    upstream: http://telemetry-ingest:9000
    rateLimit: { perMinute: 6000 }
    # Clients must honour Retry-After on 429.
    retry-after-header: true
`],
  ['ORBIT', 'orbit-planner', 'planner/contact_windows.py', `"""Contact windows: when a ground station can see a satellite."""
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass
class ContactWindow:
    station: str
    rise: datetime
    set: datetime

    @property
    def duration(self) -> timedelta:
        return self.set - self.rise


def usable_windows(windows, min_elevation_deg=10.0, min_duration=timedelta(minutes=4)):
    """Windows long enough for a full downlink, highest first."""
    usable = [w for w in windows if w.duration >= min_duration]
    return sorted(usable, key=lambda w: w.duration, reverse=True)
`],
  ['ORBIT', 'orbit-sim', 'sim/propagate.py', `"""Two-body propagation with J2, good enough for planning."""
import numpy as np

MU_EARTH = 398600.4418  # km^3/s^2
J2 = 1.08262668e-3
R_EARTH = 6378.137  # km


def propagate(state, dt, steps):
    """Runge-Kutta 4 over \`steps\` steps of \`dt\` seconds."""
    for _ in range(steps):
        state = rk4_step(state, dt)
    return state
`],
  ['NAV', 'nav-core', 'src/main/kotlin/orbital/nav/AlbedoCorrection.kt', `package orbital.nav

import kotlin.math.cos
import kotlin.math.max

/** Earth albedo adds light to the sun sensors; subtract it before estimating the sun vector. */
object AlbedoCorrection {
    /** Mean Earth albedo (Bond), a fraction of the incoming sunlight. */
    const val MEAN_ALBEDO = 0.30

    fun correctedIntensity(measured: Double, earthAngleRad: Double, sunlit: Boolean): Double {
        if (!sunlit) return measured
        val albedoShare = MEAN_ALBEDO * max(0.0, cos(earthAngleRad))
        return measured * (1.0 - albedoShare)
    }
}
`],
  ['NAV', 'star-tracker', 'tools/calibrate.py', `"""Boresight calibration from day/night star tracker frames."""
import json
import sys


def load_frames(path):
    with open(path) as f:
        return json.load(f)["frames"]


def boresight_offset(frames):
    """Mean offset in arcseconds between predicted and observed star positions."""
    offsets = [f["observed"] - f["predicted"] for f in frames]
    return sum(offsets) / len(offsets)


if __name__ == "__main__":
    print(boresight_offset(load_frames(sys.argv[1])))
`],
  ['WEB', 'mission-web', 'src/components/TimeZonePicker.tsx', `import { useMemo } from 'react';

interface TimeZonePickerProps {
  value: string;
  onChange(zone: string): void;
}

/** Every IANA zone the browser knows, with the current offset next to it. */
export function TimeZonePicker({ value, onChange }: TimeZonePickerProps) {
  const zones = useMemo(() => Intl.supportedValuesOf('timeZone'), []);
  return (
    <select value={value} onChange={(e) => onChange(e.currentTarget.value)} aria-label="Time zone">
      {zones.map((zone) => <option key={zone} value={zone}>{zone}</option>)}
    </select>
  );
}
`],
  ['WEB', 'design-system', 'tokens/colors.json', `{
  "color": {
    "surface": { "light": "#ffffff", "dark": "#16181d" },
    "text": { "light": "#1b1d22", "dark": "#e8eaf0" },
    "accent": { "light": "#3e76b5", "dark": "#7fa8d9" },
    "danger": { "light": "#d1453b", "dark": "#f07a70" }
  }
}
`],
  ['TELEM', 'telemetry-ingest', 'ingest/decoder.go', `package ingest

import (
	"encoding/binary"
	"errors"
)

// ErrShortFrame is returned for frames shorter than their header says.
var ErrShortFrame = errors.New("telemetry frame too short")

// DecodeFrame reads one CCSDS telemetry frame.
func DecodeFrame(b []byte) (Frame, error) {
	if len(b) < 6 {
		return Frame{}, ErrShortFrame
	}
	length := int(binary.BigEndian.Uint16(b[4:6])) + 7
	if len(b) < length {
		return Frame{}, ErrShortFrame
	}
	return Frame{SpacecraftID: binary.BigEndian.Uint16(b[0:2]) >> 4, Data: b[6:length]}, nil
}
`],
  ['GROUND', 'groundstation', 'controller/src/pass_scheduler.rs', `//! Picks which satellite each antenna tracks.

use crate::clock::DriftMonitor;

pub struct PassScheduler {
    drift: DriftMonitor,
}

impl PassScheduler {
    /// Skips no pass: a drift above 500 ms raises an alert instead (see the March postmortem).
    pub fn schedule(&mut self, passes: &[Pass]) -> Vec<Assignment> {
        self.drift.check_or_alert(500);
        passes.iter().map(Assignment::from).collect()
    }
}
`],
  ['HANDBOOK', 'handbook', 'onboarding/first-week.md', `# Your first week

1. Pick up your laptop and badge at the front desk.
2. Meet your buddy; they will show you #general and #random.
3. Read the on-call handbook, even if you will never be on call.
4. Ship something small by Friday: a typo fix counts.
`],
  ['FINANCE', 'invoicing', 'invoices/generate.py', `"""Monthly invoice generation for ground station time."""


def invoice_lines(passes, rate_per_minute):
    return [(p.customer, p.minutes * rate_per_minute) for p in passes]
`],
  ['LEGACY', 'legacy-telemetry', 'decoder/legacy_decoder.py', `"""The old frame decoder. Replaced by telemetry-ingest."""


def decode(frame):
    raise NotImplementedError("use telemetry-ingest")
`],
];

function generateSourceFiles(projects: World): SourceFile[] {
  return FILES.map(([projectKey, repositoryName, path, text]) => {
    const project = projects.projects.find((p) => p.key.key === projectKey);
    const repository = project?.repos.find((r) => r.name === repositoryName);
    if (!project || !repository) throw new Error(`no repository ${projectKey}/${repositoryName} for ${path}`);
    return { project, repository, path, text };
  });
}

/** With `hostile`: a file in the XSS project whose path and lines are markup, bidi overrides and a `javascript:` link. */
function hostileFile(world: World): SourceFile {
  const h = HOSTILE_STRINGS;
  const project = world.projects.find((p) => p.key.key === HOSTILE_PROJECT_KEY);
  const repository = project?.repos[0];
  if (!project || !repository) throw new Error('the hostile file needs the hostile project');
  return {
    project, repository, path: `src/${h.imgTag}/hostile ${h.bidi}.html`,
    text: [`<!-- hostile -->`, h.scriptClose, `<a href="${h.javascriptUrl}">hostile link</a>`, h.svgBreakout, h.zeroWidth, h.longTitle, ''].join('\n'),
  };
}
