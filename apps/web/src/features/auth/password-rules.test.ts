import { describe, expect, it } from 'vitest';
import { checkPassword, passwordAcceptable } from './password-rules';

describe('checkPassword', () => {
  it('asks for ten characters, counting Arabic letters one each', () => {
    expect(checkPassword('short-pw1', 'short-pw1', 'a@b.c').longEnough).toBe(false);
    expect(checkPassword('كلمةسرطويلة', 'كلمةسرطويلة', 'a@b.c').longEnough).toBe(true);
  });

  it('refuses the e-mail address itself, in any case', () => {
    const check = checkPassword('Amina@Example.org', 'Amina@Example.org', 'amina@example.org');
    expect(check.notEmail).toBe(false);
    expect(passwordAcceptable(check)).toBe(false);
  });

  it('wants the two fields to match', () => {
    expect(checkPassword('a-long-password', 'a-long-passwore', 'a@b.c').matches).toBe(false);
    expect(passwordAcceptable(checkPassword('a-long-password', 'a-long-password', 'a@b.c'))).toBe(true);
  });
});
