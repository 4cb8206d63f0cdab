// Runs Next.js (start or dev) behind a plain Node HTTP server, so each request carries the address
// of the connection it arrived on: Next.js itself only offers X-Forwarded-For, which any client
// can write (issue 13, finding 2). lib/auth/client-address.ts reads the header set here.
import { createServer } from "node:http";
import next from "next";

const SOCKET_ADDRESS_HEADER = "x-steward-socket-address";
process.env.STEWARD_SOCKET_ADDRESS_HEADER = "1";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const app = next({ dev, port });
const handle = app.getRequestHandler();
await app.prepare();
if (!dev) {
  // Next.js loads every route's modules after start on the event loop that serves requests, which stalled answers
  // for up to 2.6 s in the first minute (bench/responsiveness.ts): load them all before taking connections instead.
  const started = Date.now();
  await (await app.server.getServer()).unstable_preloadEntries();
  console.log(`loaded every route in ${Date.now() - started} ms`);
}

const server = createServer((request, response) => {
  // Overwrites whatever the client sent under this name.
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`started server on port ${port} (${dev ? "dev" : "production"})`));
