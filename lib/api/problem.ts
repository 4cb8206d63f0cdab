import type { z } from "zod";

/** One field that failed validation, named by its path in the request ("rows[3].csat", "query.limit"). */
export type FieldError = { field: string; message: string };

/** An RFC 9457 problem details body. */
export type ProblemBody = {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
};

const PROBLEM_CONTENT_TYPE = "application/problem+json";

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ["bad-request", "The request is malformed"],
  401: ["unauthorized", "Authentication required"],
  403: ["forbidden", "Not allowed"],
  404: ["not-found", "Not found"],
  409: ["conflict", "Conflict"],
  413: ["too-large", "Request too large"],
  415: ["unsupported-media-type", "Unsupported media type"],
  422: ["validation", "The request is invalid"],
  429: ["rate-limited", "Too many requests"],
  500: ["internal", "Internal server error"],
};

function problemType(status: number): string {
  return `https://steward.dev/problems/${TITLES[status]?.[0] ?? "error"}`;
}

/** A failure whose details are safe to send to the API client; thrown anywhere in a handler. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldError[],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
  }

  body(instance?: string): ProblemBody {
    return {
      type: problemType(this.status),
      title: TITLES[this.status]?.[1] ?? "Error",
      status: this.status,
      detail: this.detail,
      ...(instance ? { instance } : {}),
      ...(this.errors && this.errors.length > 0 ? { errors: this.errors } : {}),
    };
  }
}

export const notFound = (what: string) => new ApiProblem(404, `${what} was not found.`);
export const invalid = (errors: FieldError[], detail = "Some fields are invalid; see errors.") =>
  new ApiProblem(422, detail, errors);

export function problemResponse(problem: ApiProblem, instance?: string): Response {
  return new Response(JSON.stringify(problem.body(instance)), {
    status: problem.status,
    headers: { "content-type": PROBLEM_CONTENT_TYPE, ...problem.headers },
  });
}

/** "rows[3].csat" from ["rows", 3, "csat"]; an optional prefix names where the value came from. */
export function fieldPath(path: readonly PropertyKey[], prefix?: string): string {
  let out = prefix ?? "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out || "body";
}

export function zodErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.map((issue) => ({ field: fieldPath(issue.path, prefix), message: issue.message }));
}
