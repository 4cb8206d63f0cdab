"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/clients";
import { clientAddress } from "@/lib/auth/client-address";
import { answerSurvey, surveyAnswerSchema } from "@/lib/feedback/answer";

/** A customer's answer from the public survey page: no sign-in; the signed, single-use link is the authority. */
export const answerSurveyAction = publicAction
  .metadata({ actionName: "survey.answered", permission: "public" })
  .inputSchema(surveyAnswerSchema)
  .action(async ({ parsedInput }) => {
    await answerSurvey(parsedInput, clientAddress(await headers()));
    return { answered: true };
  });
