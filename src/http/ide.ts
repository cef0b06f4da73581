import express, { type RequestHandler, type Router } from 'express';
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
  const assets = express.Router().use(IDE_ASSETS, express.static(getDistDirectory(), { index: false, maxAge: '1d' }));
  const page: RequestHandler = (req, res, next) => {
    if (req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html' && !req.query.query) {
      res.type('html').send(html);
      return;
    }
    next();
  };
  return { assets, page };
}
