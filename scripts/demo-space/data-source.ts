/**
 * Source files in the demo repositories, for `GET /projects/source-search`: small, but real enough that a search
 * finds a function, a config key or a sentence in a README on the line where it is. Each file sits at its
 * repository's head commit (`defaultBranch.ref`).
 *
 * Words tests can rely on: `albedo` matches only NAV/nav-core `src/main/kotlin/orbital/nav/AlbedoCorrection.kt`
 * (first on line 6); `invoice` matches only the private FINANCE repository, which the demo user cannot read, so
 * it finds nothing for them; `retry-after` matches three files, two in ABC/backend and one in ABC/backend-gateway.
 */
import type { ProjectData } from './data-projects.ts';
import type { SourceFile } from './space-types.ts';

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

export function generateSourceFiles(projects: ProjectData): SourceFile[] {
  return FILES.map(([projectKey, repositoryName, path, text]) => {
    const project = projects.projects.find((p) => p.key.key === projectKey);
    const repository = project?.repos.find((r) => r.name === repositoryName);
    if (!project || !repository) throw new Error(`no repository ${projectKey}/${repositoryName} for ${path}`);
    return { project, repository, path, text };
  });
}
