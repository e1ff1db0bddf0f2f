import { sendJson } from './respond';
import type { Route } from './server';

/**
 * /healthz: the process answers (for a restart policy). /readyz: it can serve, i.e. `ready()` (the
 * database answers and the server is not draining), for a load balancer's rotation.
 */
export function healthRoutes(ready: () => Promise<boolean>): Route[] {
  return [
    {
      path: '/healthz',
      methods: ['GET'],
      handle: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      methods: ['GET'],
      handle: async (_req, res) => {
        const ok = await ready().catch(() => false);
        sendJson(res, ok ? 200 : 503, { status: ok ? 'ready' : 'unavailable' });
      },
    },
  ];
}
