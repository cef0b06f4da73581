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
