export enum Role {
  ADMIN = 'ADMIN',
  SECRETARIAT = 'SECRETARIAT',
  BOARD_MEMBER = 'BOARD_MEMBER',
  DELEGATE = 'DELEGATE',
  OBSERVER = 'OBSERVER',
}

export const ALL_ROLES: readonly Role[] = Object.values(Role);
