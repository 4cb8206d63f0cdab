import type { Access, AccessDenial, AccessResult } from "@/lib/auth/access";

/** What a download route reads from its URL: its query, or why the URL is refused (answered with 400). */
export type ExportQueryReader<Q> = (url: URL) => { query: Q } | { refused: string };

/** For a download whose query falls back to defaults and so cannot be wrong: its fields as they are. */
export const queryFields: ExportQueryReader<Record<string, string>> = (url) => ({
  query: Object.fromEntries(url.searchParams),
});

export function deniedResponse(denied: AccessDenial): Response {
  if (denied === "signed-out") return new Response("Sign in first.", { status: 401 });
  if (denied === "forbidden") return new Response("Your role does not allow this.", { status: 403 });
  return new Response("Not found.", { status: 404 });
}

/**
 * The steps every export route shares: the caller's access (401, 403 or 404 without it), the route's query (400 when
 * the URL is refused), then the route's own download.
 */
export async function exportRoute<A extends Access, Q>(
  request: Request,
  result: AccessResult<A>,
  readQuery: ExportQueryReader<Q>,
  download: (access: A, query: Q) => Promise<Response>,
): Promise<Response> {
  if (!result.ok) return deniedResponse(result.denied);
  const read = readQuery(new URL(request.url));
  if ("refused" in read) return new Response(read.refused, { status: 400 });
  return download(result.access, read.query);
}

/** A file as a download under `fileName`; no cache keeps it, as it holds a workspace's data. */
export function downloadResponse(body: Uint8Array<ArrayBuffer> | string, fileName: string, contentType: string) {
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

export const csvDownload = (csv: string, fileName: string) =>
  downloadResponse(csv, fileName, "text/csv; charset=utf-8");
