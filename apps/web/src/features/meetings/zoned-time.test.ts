import { describe, expect, it } from 'vitest';
import { instantOf, wallTimeIn } from './zoned-time';

describe('a meeting’s times typed in its own zone', () => {
  it('reads 09:00 in Houston in October as 14:00 UTC (daylight time)', () => {
    expect(instantOf('2027-10-12T09:00', 'America/Chicago')?.toISOString()).toBe('2027-10-12T14:00:00.000Z');
  });

  it('reads 09:00 in Houston in December as 15:00 UTC (standard time)', () => {
    expect(instantOf('2027-12-01T09:00', 'America/Chicago')?.toISOString()).toBe('2027-12-01T15:00:00.000Z');
  });

  it('reads Riyadh’s clock, three hours ahead, and comes back to the same wall time', () => {
    const instant = instantOf('2027-03-07T12:30', 'Asia/Riyadh');
    expect(instant?.toISOString()).toBe('2027-03-07T09:30:00.000Z');
    expect(wallTimeIn(instant!, 'Asia/Riyadh')).toBe('2027-03-07T12:30');
  });

  it('moves a time the clock skips an hour on', () => {
    // Chicago skips 02:00–03:00 on 14 March 2027.
    expect(wallTimeIn(instantOf('2027-03-14T02:30', 'America/Chicago')!, 'America/Chicago')).toBe('2027-03-14T03:30');
  });

  it('refuses text that is not a date and time', () => {
    expect(instantOf('', 'UTC')).toBeNull();
    expect(instantOf('12/10/2027 09:00', 'UTC')).toBeNull();
  });
});
