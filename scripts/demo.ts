// `npm run demo`: builds the app, migrates the (embedded) database, seeds the demo tenants when
// they are missing, starts the app and prints the demo logins.
import { spawnSync } from "node:child_process";
import { prepareRuntime } from "./runtime";
import { roleFromArgs, runRole } from "./serve";
import { startLocalMailbox } from "./local-mailbox";
import { env } from "../lib/env";
import { connectDatabase, disconnectDatabase } from "../lib/db/client";
import { ensureDemoTenants, type DemoLoginLine } from "../lib/seed/ensure-demo";

if (process.env.STEWARD_SKIP_BUILD !== "1") {
  console.log("Building Steward (next build)…");
  const build = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const runtime = await prepareRuntime();
connectDatabase(runtime.databaseUrl);
const logins = await ensureDemoTenants((line) => console.log(line));
// The embedded database serves one connection: hand it over to the app.
await disconnectDatabase();

const mailbox = await startLocalMailbox(runtime, env().STEWARD_DATA_DIR);
if (mailbox)
  console.log(
    `Mail: no SMTP_URL, so the demo's mail goes to a local SMTP server (${mailbox.url}) and is kept in ${runtime.childEnv.STEWARD_DEV_MAILBOX_DIR}; owners read it at Settings → Mailbox, and account mail (sign-up, password reset) is printed here with its link`,
  );

const port = process.env.PORT ?? "3000";
// The web server and the job worker, in one command (STEWARD_ROLE=all unless set otherwise).
await runRole(runtime, roleFromArgs(), "start", () => printLogins(logins, port));

function printLogins(demo: DemoLoginLine[], port: string) {
  const rows = demo.map((l) => `  ${l.label.padEnd(34)} ${l.email.padEnd(34)} ${l.password}`);
  console.log(
    [
      "",
      "────────────────────────────────────────────────────────────────────────────────────────",
      `  Steward is running at http://localhost:${port}`,
      "",
      "  Demo logins:",
      ...rows,
      "────────────────────────────────────────────────────────────────────────────────────────",
      "",
    ].join("\n"),
  );
}
