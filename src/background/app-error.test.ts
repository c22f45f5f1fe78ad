import { describe, expect, it } from 'vitest';
import type { AppError } from '../shared/protocol.ts';
import { SpaceError } from '../space/errors.ts';
import { OAuthError } from '../space/oauth/errors.ts';
import { WorkerError, BAD_REQUEST, INTERNAL_ERROR, workerErrors, toAppError } from './app-error.ts';

/** Prose has spaces; codes, hosts, permission names, reasons and identifiers of these examples don't. */
const prose = (error: AppError) => Object.values(error).filter((v) => typeof v === 'string' && / /.test(v));

describe('AppError', () => {
  const made: [string, AppError][] = [
    ['notConfigured', workerErrors.notConfigured().error],
    ['noHostPermission', workerErrors.noHostPermission('space.example.com').error],
    ['badRequest', workerErrors.badRequest('project-key', 'NOT-A-KEY').error],
    ['tokenRejected', workerErrors.tokenRejected().error],
    ['unsupportedImage', workerErrors.unsupportedImage().error],
    ['signInAgain', workerErrors.signInAgain('space.example.com').error],
    ['signIn', workerErrors.signIn('window-closed', 'space.example.com').error],
    ['policy', workerErrors.policy('url', 'space.example.com').error],
    ['INTERNAL_ERROR', INTERNAL_ERROR],
    ['BAD_REQUEST', BAD_REQUEST],
  ];

  it.each(made)('%s carries a code and details, no words for the user (pages localize)', (_name, error) => {
    expect(prose(error)).toEqual([]);
    expect(Object.keys(error)).not.toContain('message');
    expect(Object.keys(error)).not.toContain('hint');
  });

  it('keeps the host for no-host-permission and the refused value for bad-request', () => {
    expect(workerErrors.noHostPermission('space.example.com').error).toEqual({ code: 'no-host-permission', host: 'space.example.com' });
    expect(workerErrors.badRequest('token-format').error).toEqual({ code: 'bad-request', reason: 'token-format' });
    expect(workerErrors.badRequest('project-key', 'x y').error).toEqual({ code: 'bad-request', reason: 'project-key', subject: 'x y' });
  });

  it('toAppError copies every detail of a SpaceError and nothing else', () => {
    const e = new SpaceError('rate-limited', { host: 'h', op: 'searchIssues', subject: 'ABC', status: 429, retryAfterMs: 5000 });
    expect(toAppError(e)).toStrictEqual({ code: 'rate-limited', host: 'h', op: 'searchIssues', subject: 'ABC', status: 429, retryAfterMs: 5000 });
    expect(toAppError(new SpaceError('cancelled'))).toStrictEqual({ code: 'cancelled' });
  });

  it('an WorkerError\'s message is its code, so a stray log shows no prose and no value', () => {
    expect(new WorkerError({ code: 'bad-request', reason: 'project-key', subject: 'secret-ish' }).message).toBe('bad-request');
    expect(new SpaceError('forbidden', { permission: 'Team.View' }).message).toBe('forbidden');
  });

  it('toAppError reads an OAuthError: transient ones as any call\'s, a refused refresh as "sign in again", the rest by reason', () => {
    expect(toAppError(new OAuthError('unreachable', { host: 'h' }))).toStrictEqual({ code: 'unreachable', host: 'h' });
    expect(toAppError(new OAuthError('server', { host: 'h', status: 503, oauthError: 'temporarily_unavailable' })))
      .toStrictEqual({ code: 'server', host: 'h', status: 503 });
    expect(toAppError(new OAuthError('refresh-revoked', { host: 'h', status: 401 }))).toStrictEqual({ code: 'sign-in-again', host: 'h' });
    expect(toAppError(new OAuthError('bad-response', { host: 'h', status: 200, reason: 'html' })))
      .toStrictEqual({ code: 'bad-response', host: 'h', status: 200, reason: 'html' });
    expect(toAppError(new OAuthError('access-denied', { host: 'h', oauthError: 'access_denied' })))
      .toStrictEqual({ code: 'oauth', reason: 'access-denied', host: 'h', subject: 'access_denied' });
  });
});
