import type http from 'node:http';
import net from 'node:net';

/** Under Kubernetes' default 30 s between SIGTERM and SIGKILL, so that the database still closes cleanly. */
const DRAIN_DEADLINE_MS = 25_000;

/** How long connections are still accepted after the signal (their requests answered with `Connection: close`). */
const ACCEPT_AFTER_SIGNAL_MS = 1_000;

export type Drain = {
  readonly draining: boolean;
  /** Resolves once every request received has been answered and every connection has closed. */
  drain(): Promise<void>;
};

/**
 * Graceful shutdown at the level of HTTP connections. On drain, every request already received, or
 * arriving on a connection that is open, is answered in full with `Connection: close`; for a second
 * connections are still accepted, then the listener closes and new ones are refused. A connection
 * idle at that point may carry a request the client is sending right now, so it is not cut: it
 * keeps the keep-alive timeout the server announced (`Keep-Alive: timeout=5`) before it is closed.
 */
export function trackRequests(server: http.Server): Drain {
  const inFlight = new Set<http.ServerResponse>();
  let draining = false;
  let onIdle: (() => void) | undefined;

  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    inFlight.add(res);
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      inFlight.delete(res);
      if (inFlight.size === 0) onIdle?.();
    });
  });

  async function drain(): Promise<void> {
    draining = true;
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    // Closing the listener resets the connections still in the kernel's queues, which clients opened
    // before the signal; and a load balancer needs a moment to see /readyz answer 503.
    if (server.listening) await new Promise((resolve) => setTimeout(resolve, ACCEPT_AFTER_SIGNAL_MS));
    // net.Server's close, not http.Server's, which also drops idle keep-alive connections at once and
    // so resets a request that is on its way over one. The callback runs once every connection has ended.
    const allClosed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    const deadline = setTimeout(() => server.closeAllConnections(), DRAIN_DEADLINE_MS);
    let linger: NodeJS.Timeout | undefined;
    try {
      if (inFlight.size > 0) await new Promise<void>((resolve) => (onIdle = resolve));
      linger = setTimeout(() => server.closeIdleConnections(), server.keepAliveTimeout);
      await allClosed;
    } finally {
      clearTimeout(deadline);
      clearTimeout(linger);
    }
  }

  return {
    get draining() {
      return draining;
    },
    drain,
  };
}
