import { createHash } from 'node:crypto';
import express, { type RequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { getDistDirectory, renderAltair } from 'altair-static';

const IDE_ASSETS = '/ide/';

const EXAMPLE_QUERY = `# Villages of your county, with a few households each
{
  me { organisationName role scopes }
  villages(first: 5) {
    totalCount
    edges { node { code name povertyStatus households(first: 3) { totalCount edges { node { number status head { name } } } } } }
  }
}
`;

/** The page is rendered once, so its one inline script (Altair's settings) is allowed by hash, not by 'unsafe-inline'. */
function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

/**
 * Everything comes from this server. Styles need 'unsafe-inline' (Angular and CodeMirror insert
 * style elements at run time); scripts do not. Altair runs its pre-request scripts in workers.
 */
function ideSecurityPolicy(html: string): RequestHandler {
  return helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'", ...inlineScriptHashes(html)],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      workerSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  });
}

/**
 * The GraphQL IDE (Altair), its assets served from the installed package: the machines this runs
 * on have no internet, so nothing may come from a CDN. Browsers asking GET /graphql for HTML get
 * the IDE; every other GET /graphql goes on to the GraphQL endpoint.
 */
export function graphqlIde(options: { demoKey?: string }): { assets: Router; page: RequestHandler } {
  const html = renderAltair({
    baseURL: IDE_ASSETS,
    endpointURL: '/graphql',
    initialQuery: EXAMPLE_QUERY,
    initialHeaders: options.demoKey ? { Authorization: `Bearer ${options.demoKey}` } : {},
    disableAccount: true,
  });
  const policy = ideSecurityPolicy(html);
  // Workers are scripts of the page's origin and take their policy from their own response.
  const assets = express.Router().use(IDE_ASSETS, policy, express.static(getDistDirectory(), { index: false, maxAge: '1d' }));
  const page: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      policy(req, res, () => res.type('html').send(html));
      return;
    }
    next();
  };
  return { assets, page };
}
