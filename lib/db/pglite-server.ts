import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { PGlite } from "@electric-sql/pglite";

// Serves one PGlite to several client connections on a unix socket. PGlite has one session, so the connections
// take turns: each turn is a whole batch of protocol messages up to Sync (or a simple Query), never a single
// message (pglite-socket's server queues messages one by one, so two clients' Parse/Bind pairs interleaved
// and a Bind met the other client's statement), and a client that leaves a transaction open keeps its turn
// until the transaction ends. Every client shares the session's settings: they all run as steward_app, and what a
// transaction sets for itself alone (a partner's role, the tenant) ends with it, before another client's turn.

const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;
/** Messages after which the client waits for the server's answer: the end of a batch. */
const BATCH_END = new Set(["S", "Q"]);

type Client = { socket: Socket; buffer: Buffer; pending: Buffer[] };
type Turn = { client: Client; batch: Buffer };

export type PgliteServer = { url: string; stop(): Promise<void> };

export async function servePglite(db: PGlite): Promise<PgliteServer> {
  const socketDir = mkdtempSync(join(tmpdir(), "steward-pg-"));
  const queue: Turn[] = [];
  const clients = new Set<Client>();
  let owner: Client | null = null;
  let running = false;

  // PGlite throws from isInTransaction once it is closed or closing (a client dropping during a test's teardown).
  const inTransaction = () => {
    try {
      return !db.closed && db.isInTransaction();
    } catch {
      return false;
    }
  };

  const next = (): Turn | undefined => {
    if (db.closed) return undefined;
    if (owner && inTransaction()) {
      const index = queue.findIndex((t) => t.client === owner);
      return index === -1 ? undefined : queue.splice(index, 1)[0];
    }
    return queue.shift();
  };

  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (let turn = next(); turn; turn = next()) {
        const { client, batch } = turn;
        owner = client;
        await db.runExclusive(() =>
          db.execProtocolRawStream(new Uint8Array(batch), {
            onRawData: (data) => {
              if (client.socket.writable) client.socket.write(Buffer.from(data));
            },
          }),
        );
      }
    } catch (error) {
      // Closing the database under a running turn ends it; anything else is a real failure.
      if (!db.closed) throw error;
    } finally {
      running = false;
    }
  };

  const leave = async (client: Client) => {
    if (!clients.delete(client)) return;
    for (let i = queue.length - 1; i >= 0; i--) if (queue[i].client === client) queue.splice(i, 1);
    if (owner === client) {
      owner = null;
      // exec takes PGlite's own lock (runExclusive around it would wait for itself).
      if (inTransaction()) await db.exec("ROLLBACK").catch(() => undefined);
    }
    void run();
  };

  const onData = (client: Client, data: Buffer) => {
    client.buffer = Buffer.concat([client.buffer, data]);
    for (;;) {
      const buffer = client.buffer;
      if (buffer.length < 5) return;
      const untyped = buffer.readInt32BE(0);
      const code = buffer.length >= 8 ? buffer.readInt32BE(4) : 0;
      if (untyped === 8 && code === SSL_REQUEST) {
        client.socket.write("N");
        client.buffer = buffer.subarray(8);
        continue;
      }
      if (untyped === 16 && code === CANCEL_REQUEST) {
        client.buffer = buffer.subarray(16);
        continue;
      }
      if (code === PROTOCOL_3) {
        // The startup message (length first, no type byte) is a batch of its own.
        if (buffer.length < untyped) return;
        queue.push({ client, batch: buffer.subarray(0, untyped) });
        client.buffer = buffer.subarray(untyped);
        void run();
        continue;
      }
      const type = String.fromCharCode(buffer[0]);
      const length = 1 + buffer.readInt32BE(1);
      if (buffer.length < length) return;
      const message = buffer.subarray(0, length);
      client.buffer = buffer.subarray(length);
      if (type === "X") {
        client.socket.end();
        void leave(client);
        return;
      }
      client.pending.push(message);
      if (BATCH_END.has(type)) {
        queue.push({ client, batch: Buffer.concat(client.pending) });
        client.pending = [];
        void run();
      }
    }
  };

  const server: Server = createServer((socket) => {
    const client: Client = { socket, buffer: Buffer.alloc(0), pending: [] };
    clients.add(client);
    socket.on("data", (data: Buffer) => onData(client, data));
    socket.on("error", () => void leave(client));
    socket.on("close", () => void leave(client));
  });
  await new Promise<void>((resolve) => server.listen(join(socketDir, ".s.PGSQL.5432"), resolve));
  return {
    url: `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`,
    async stop() {
      for (const client of clients) client.socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
