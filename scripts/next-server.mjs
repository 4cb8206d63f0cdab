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

const serve = (request, response) => {
  // Overwrites whatever the client sent under this name.
  request.headers[SOCKET_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
};
if (!dev) await warmUp();

const server = createServer(serve);
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => console.log(`started server on port ${port} (${dev ? "dev" : "production"})`));

/**
 * Serves a page, the readiness check and an API request on a private loopback port before the public one opens:
 * their first answers pay for compiling the rendering code, loading the query engine and opening the pool (the first
 * API answer after a start took 773 ms, the next ones 44-62 ms; bench/responsiveness.ts), which no user should wait
 * for. None changes anything: the sign-in page is only read, the readiness check reads as a tenant that does not
 * exist, and an unknown API key is refused after one lookup.
 */
async function warmUp() {
  const started = Date.now();
  const warm = createServer(serve);
  await new Promise((resolve) => warm.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${warm.address().port}`;
  const get = (path, headers = {}) =>
    fetch(base + path, { headers, redirect: "manual" }).then(
      async (answer) => {
        await answer.arrayBuffer();
        return `${path} ${answer.status}`;
      },
      (error) => `${path} ${error.message}`,
    );
  const statuses = [await get("/login"), await get("/api/health")];
  // As many readiness checks at once as the pool has connections (10 by default), so a burst of first requests
  // does not wait for connections to open (10 at once took 830-990 ms each on a cold pool, 240-390 ms on a warm one).
  statuses.push(...new Set(await Promise.all(Array.from({ length: 10 }, () => get("/api/health")))));
  statuses.push(
    await get("/api/v1/partners?limit=1", { authorization: "Bearer stw_warm-up-key-that-matches-nothing" }),
  );
  await new Promise((resolve) => warm.close(resolve));
  console.log(`served its first requests in ${Date.now() - started} ms (${statuses.join(", ")})`);
}
