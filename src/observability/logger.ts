import pino, { type Logger } from 'pino';
import type { Config } from '../config/config';

/** JSON logs; secrets that may pass through a request are redacted before they are written. */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'jingzhun' },
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie'], censor: '[redacted]' },
  });
}
