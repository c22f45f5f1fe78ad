/**
 * What an issue and a review share as items numbered inside a project: their key, id, title and link, and how
 * each degrades when Space withholds a field (`$errors`) — the key stands in for the id and the title, and with
 * the number withheld and unknown (0, never a real number) the link goes to the project instead.
 */
import type { Reader } from '../space/parse.ts';
import { projectUrl } from './project/web-url.ts';

export interface ProjectNumberedIdentity {
  id: string;
  title: string;
  webUrl: string;
  projectKey: string;
  number: number;
  key: string;
}

export function projectNumberedIdentity(
  record: Reader,
  origin: string,
  projectKey: string,
  number: number,
  key: string,
  itemUrl: (origin: string, projectKey: string, number: number) => string,
): ProjectNumberedIdentity {
  return {
    id: record.idOr('id', key),
    title: record.strOr('title', key),
    webUrl: number > 0 ? itemUrl(origin, projectKey, number) : projectUrl(origin, projectKey),
    projectKey,
    number,
    key,
  };
}
