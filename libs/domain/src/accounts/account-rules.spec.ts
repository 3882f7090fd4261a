import { DomainError } from '@majlis/language';
import { checkedEmail, checkedPassword } from './account-rules';
import { dayBefore, isCurrentSeat } from './board-seat.service';
import { linkUrl, tokenHash } from './one-time-link';

const refusal = (run: () => unknown): { code: string; key: string } => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, key: error.messageKey };
    throw error;
  }
  throw new Error('not refused');
};

describe(checkedPassword.name, () => {
  it('takes 10 characters or more, counted as characters, not bytes', () => {
    expect(checkedPassword('password', 'كلمة-سر-طو', 'a@b.example')).toBe('كلمة-سر-طو');
    expect(refusal(() => checkedPassword('password', '123456789', 'a@b.example'))).toEqual({
      code: 'BAD_USER_INPUT',
      key: 'passwordTooShort',
    });
  });

  it('refuses the e-mail address itself, whatever its case', () => {
    expect(refusal(() => checkedPassword('password', 'Amal@Partnership.example', 'amal@partnership.example')).key).toBe(
      'passwordIsEmail',
    );
  });
});

describe(checkedEmail.name, () => {
  it('trims and lower-cases; refuses what is not an address', () => {
    expect(checkedEmail('email', '  Amal@Example.ORG ')).toBe('amal@example.org');
    expect(refusal(() => checkedEmail('email', 'amal')).key).toBe('invalidEmail');
    expect(refusal(() => checkedEmail('email', 'a b@example.org')).key).toBe('invalidEmail');
  });
});

describe('board seat terms', () => {
  it('ends the previous term the day before, across months and leap days', () => {
    expect(dayBefore('2026-03-01')).toBe('2026-02-28');
    expect(dayBefore('2028-03-01')).toBe('2028-02-29');
    expect(dayBefore('2027-01-01')).toBe('2026-12-31');
  });

  it('is current on the days it has begun and not ended', () => {
    expect(isCurrentSeat({ startsOn: '2026-01-01', endsOn: null }, '2026-06-01')).toBe(true);
    expect(isCurrentSeat({ startsOn: '2026-01-01', endsOn: '2026-06-01' }, '2026-06-01')).toBe(true);
    expect(isCurrentSeat({ startsOn: '2026-01-01', endsOn: '2026-05-31' }, '2026-06-01')).toBe(false);
    expect(isCurrentSeat({ startsOn: '2026-07-01', endsOn: null }, '2026-06-01')).toBe(false);
  });
});

describe('one-time links', () => {
  it('open the set-password or setup page at the public address', () => {
    expect(linkUrl('https://majlis.example.org/', 'invitation', 'abc')).toBe(
      'https://majlis.example.org/set-password?token=abc',
    );
    expect(linkUrl('https://majlis.example.org', 'setup', 'abc')).toBe('https://majlis.example.org/setup?token=abc');
  });

  it('are stored as a SHA-256, never as themselves', () => {
    expect(tokenHash('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
