export function checkResponseContract(_method: string, _url: URL, _body: unknown): void {}
