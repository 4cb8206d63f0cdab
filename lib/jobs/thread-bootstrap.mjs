// The worker thread's entry (./threads.ts): TypeScript and the "@/" paths of tsconfig.json are registered in
// the thread itself (tsx's hooks from the parent's --import do not resolve its paths there), then the job runs.
import { workerData } from "piscina";
import { register } from "tsx/esm/api";

register({ tsconfig: new URL("../../tsconfig.json", import.meta.url).pathname });
// Below the web server's priority before compiling and loading the handlers, the thread's first CPU work.
const { lowerThreadPriority } = await import("./priority.ts");
lowerThreadPriority(workerData.nice);
const { default: runJob } = await import("./thread-entry.ts");
export default runJob;
