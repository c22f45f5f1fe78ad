/**
 * What Options shows to make a connection — the form and its checks — and the error panel for a page that could
 * not load. One chunk, imported once the worker says there is none to show (see App.tsx).
 */
export { ConnectForm, type FormValues } from './components/ConnectForm.tsx';
export { errorText } from '../shared/error-text.ts';
export { ErrorNotice } from '../shared/ui/ErrorNotice.tsx';
export { normalizeBaseUrl } from '../space/base-url.ts';
