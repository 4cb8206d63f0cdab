// The responsiveness scenario's user: its own small process (bench/responsiveness.ts starts it), which asks
// `GET /api/v1/partners?limit=10` and `GET /login` every <interval> ms and writes a JSON line on stdout when it asks
// ({ id, at }: a probe number, epoch ms) and when the answer has come ({ id, at, ms, ok, url, late }: how long it took,
// whether it answered below 500, how many ms late its round of asking started), so the bench knows which answers are
// still out. Users are on other machines: the sampler does not share the bench's event loop (its database polling,
// its heap) and, where the system allows, runs at a higher CPU priority than the servers it measures.
// Usage: node bench/answer-sampler.mjs <base url> <api key> <interval ms>
const [base, key, every] = process.argv.slice(2);
const intervalMs = Number(every);
if (!base || !key || !(intervalMs > 0)) {
  console.error("usage: node bench/answer-sampler.mjs <base url> <api key> <interval ms>");
  process.exit(2);
}

let probes = 0;
const emit = (event) => process.stdout.write(`${JSON.stringify(event)}\n`);

async function probe(url, headers, late) {
  const id = ++probes;
  const at = Date.now();
  emit({ id, at });
  const started = performance.now();
  const ok = await fetch(url, { headers, redirect: "manual" }).then(
    async (response) => {
      await response.arrayBuffer();
      return response.status < 500;
    },
    () => false,
  );
  const ms = performance.now() - started;
  emit({ id, at, ms, ok, url: new URL(url).pathname, late });
}

// How much later than one interval after the previous round each round of asking starts: a stall of this process,
// not of the server.
let previousRound = performance.now();
setInterval(() => {
  const now = performance.now();
  const late = Math.round(now - previousRound - intervalMs);
  previousRound = now;
  void probe(`${base}/api/v1/partners?limit=10`, { authorization: `Bearer ${key}` }, late);
  void probe(`${base}/login`, {}, late);
}, intervalMs);
process.on("SIGTERM", () => process.exit(0));
