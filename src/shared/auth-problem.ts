import type { AppError, ConnectionStatus } from './protocol.ts';

/**
 * What the last check found wrong with the saved connection (token rejected, sign-in ended, host access missing), as an
 * AppError the error texts know; null when nothing is known to be wrong. Popup and options show the same.
 */
export function authProblem(status: ConnectionStatus | null): AppError | null {
  if (status?.auth === 'rejected') return { code: 'unauthorized' };
  if (status?.auth === 'sign-in-again') return { code: 'sign-in-again' };
  if (status?.auth === 'no-host-permission') return { code: 'no-host-permission' };
  return null;
}
