/** A wall-clock date and time as typed in a `datetime-local` field: `2027-10-12T09:00`. */
export type WallTime = string;

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/** The wall time as minutes since the epoch read as UTC, or null for text that is not one. */
function wallAsUtc(wall: WallTime): number | null {
  const match = WALL.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const value = Date.UTC(year, month - 1, day, hour, minute);
  return Number.isNaN(value) ? null : value;
}

/** What the clock on the wall in `zone` reads at `instant`, to the minute. */
export function wallTimeIn(instant: Date, zone: string): WallTime {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
}

/** Minutes `zone` is ahead of UTC at `instant`. */
function offsetMinutes(instant: Date, zone: string): number {
  const asUtc = wallAsUtc(wallTimeIn(instant, zone));
  if (asUtc === null) return 0;
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time in `zone` names, or null for text that is not one. In the hour a clock
 * skips (spring forward) it gives the instant an hour on; in the hour it repeats, the first of the two.
 */
export function instantOf(wall: WallTime, zone: string): Date | null {
  const asUtc = wallAsUtc(wall);
  if (asUtc === null) return null;
  // The zone's offsets a day either side: one of them holds at that moment, unless the clock skipped it.
  const day = 86_400_000;
  const before = offsetMinutes(new Date(asUtc - day), zone);
  const offsets = [before, offsetMinutes(new Date(asUtc + day), zone)];
  const candidates = offsets
    .map((offset) => new Date(asUtc - offset * 60_000))
    .sort((a, b) => a.getTime() - b.getTime());
  return candidates.find((candidate) => wallTimeIn(candidate, zone) === wall) ?? new Date(asUtc - before * 60_000);
}
