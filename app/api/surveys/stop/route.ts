import { z } from "zod";
import { DomainError } from "@/lib/errors";
import { readSurvey } from "@/lib/feedback/answer";
import { stopSurveysOfToken } from "@/lib/feedback/stop";
import { log } from "@/lib/log";
import { plainPage } from "../../plain-page";

// "Stop asking me" from a survey mail's List-Unsubscribe header (RFC 8058): a mail client's unsubscribe button POSTs
// here. Customers are not members and sign in nowhere: the survey's signed token is the only credential, as on the
// survey page. Opening the link (GET) only asks, so a link scanner that follows it stops nothing.

const tokenSchema = z.string().min(1).max(300);

const INVALID = {
  status: 404,
  title: "Link not valid",
  message: "This link is not valid. Check that you copied all of it.",
};

export async function GET(request: Request) {
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token"));
  const survey = token.success ? await readSurvey(token.data) : null;
  if (!token.success || !survey) return plainPage(INVALID);
  return plainPage({
    status: 200,
    title: "Stop surveys",
    message: `Stop asking me about my experience? You will get no more surveys from ${survey.tenantName}.`,
    token: token.data,
    button: "Stop asking me",
  });
}

/** The button on the page (form field `token`) or a mail client's one-click POST (token in the URL). */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const token = tokenSchema.safeParse(new URL(request.url).searchParams.get("token") ?? form?.get("token"));
  if (!token.success) return plainPage(INVALID);
  try {
    // not limited per address as the survey page is: see stopSurveysOfToken
    await stopSurveysOfToken(token.data);
  } catch (error) {
    if (error instanceof DomainError && error.kind === "not-found") return plainPage(INVALID);
    log.error("stopping surveys failed", { error });
    return plainPage({ status: 500, title: "Something went wrong", message: "Try again in a few minutes." });
  }
  return plainPage({
    status: 200,
    title: "Surveys stopped",
    message: "You will not be asked about your experience again.",
  });
}
