/** The API's password rules, shown as the person types so the server never has to refuse. */
export const MIN_PASSWORD_LENGTH = 10;

export interface PasswordCheck {
  longEnough: boolean;
  notEmail: boolean;
  matches: boolean;
}

export function checkPassword(password: string, confirmation: string, email: string): PasswordCheck {
  const address = email.trim().toLowerCase();
  return {
    longEnough: [...password].length >= MIN_PASSWORD_LENGTH,
    notEmail: password.length > 0 && (address === '' || password.trim().toLowerCase() !== address),
    matches: password.length > 0 && password === confirmation,
  };
}

export function passwordAcceptable(check: PasswordCheck): boolean {
  return check.longEnough && check.notEmail && check.matches;
}
