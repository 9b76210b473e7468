/**
 * A TCP proxy in front of a store (DynamoDB Local, s3rver) that a test can take down and bring
 * back: `stop()` closes the port and drops every open connection (as a store that crashed),
 * `start()` listens on the same port again. Files named `*.faults.test.ts` talk to the run's
 * stores through one each (scripts/test/connect.ts); `faultProxies()` hands them over.
 */
import { createServer, connect, type Server, type Socket } from "node:net";

export interface FaultProxy {
  endpoint: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        const remote = connect(Number(upstream.port), upstream.hostname);
        for (const socket of [client, remote]) {
          sockets.add(socket);
          socket.on("close", () => sockets.delete(socket));
          socket.on("error", () => {
            client.destroy();
            remote.destroy();
          });
        }
        client.pipe(remote).pipe(client);
      });
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });
  await listen();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    async stop() {
      const closing = server;
      server = undefined;
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => (closing ? closing.close(() => resolve()) : resolve()));
    },
    async start() {
      if (!server) await listen();
    },
  };
}

const key = Symbol.for("wangge.faultProxies");

/** The proxies of this file (set up by connect.ts for `*.faults.test.ts`). */
export function faultProxies(): { dynamo: FaultProxy; s3: FaultProxy } {
  const proxies = (globalThis as Record<symbol, unknown>)[key];
  if (!proxies) throw new Error("No fault proxies: name the file *.faults.test.ts.");
  return proxies as { dynamo: FaultProxy; s3: FaultProxy };
}

export function keepFaultProxies(proxies: { dynamo: FaultProxy; s3: FaultProxy }) {
  (globalThis as Record<symbol, unknown>)[key] = proxies;
}
