// A stand-in for the console's client API (/api/v1/client/…) until the real endpoints exist: it checks HTTP Basic
// against one principal and secret, records every request, and answers from handlers the test sets.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  user: string | undefined;
  body: unknown;
}

export type Handler = (body: unknown) => { status?: number; body?: unknown } | undefined;

export interface FakeConsole {
  url: string;
  requests: RecordedRequest[];
  handle(method: string, path: string, handler: Handler): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? undefined : JSON.parse(text);
}

export async function startFakeConsole(principal: string, secret: string): Promise<FakeConsole> {
  const handlers = new Map<string, Handler>();
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      const [scheme, encoded] = (req.headers.authorization ?? "").split(" ");
      const decoded = scheme === "Basic" && encoded ? Buffer.from(encoded, "base64").toString("utf8") : "";
      const colon = decoded.indexOf(":");
      const user = colon > 0 ? decoded.slice(0, colon) : undefined;
      const path = new URL(req.url ?? "/", "http://x").pathname;
      requests.push({ method: req.method ?? "", path, user, body });
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(payload === undefined ? "" : JSON.stringify(payload));
      };
      if (user !== principal || decoded.slice(colon + 1) !== secret) {
        send(401, { title: "Unauthorized", detail: "unknown client or wrong secret" });
        return;
      }
      const handler = handlers.get(`${req.method} ${path}`);
      if (!handler) {
        res.writeHead(404).end();
        return;
      }
      const answer = handler(body) ?? {};
      send(answer.status ?? 200, answer.body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (method, path, handler) => handlers.set(`${method} ${path}`, handler),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
