import { publicRoute } from "@/lib/api/route";
import { openApiDocument } from "@/lib/api/openapi";

export const dynamic = "force-static";

export const GET = publicRoute("openapi", async () => ({ status: 200, body: openApiDocument() }));
