import helmet from 'helmet';

/**
 * Headers every response carries. API answers are JSON, never a document to render or frame, so
 * their policy allows nothing; the IDE page sets its own (ide.ts). No HSTS: TLS ends in front of
 * this server, and a header naming every subdomain is that proxy's decision, not the API's.
 */
export const securityHeaders = helmet({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] },
  },
  xFrameOptions: { action: 'deny' },
  strictTransportSecurity: false,
});

/**
 * The headers `securityHeaders` sets, as it sets them on every response (nothing in them depends
 * on the request), recorded once: the path partners call sets them in one loop instead of running
 * helmet's dozen middlewares on every request.
 */
const RECORDED: readonly (readonly [string, string | number | readonly string[]])[] = (() => {
  const headers: [string, string | number | readonly string[]][] = [];
  const response = { setHeader: (name: string, value: string | number | readonly string[]) => headers.push([name, value]), removeHeader: () => undefined };
  securityHeaders({} as never, response as never, () => undefined);
  return headers;
})();

export function setSecurityHeaders(res: { setHeader(name: string, value: string | number | readonly string[]): unknown }): void {
  for (const [name, value] of RECORDED) res.setHeader(name, value);
}
