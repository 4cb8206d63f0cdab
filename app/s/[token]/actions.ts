"use server";

import { headers } from "next/headers";
import { publicAction } from "@/lib/actions/clients";
import { clientAddress } from "@/lib/auth/client-address";
import { answerSurvey, surveyAnswerSchema } from "@/lib/feedback/answer";
import { stopSurveys, stopSurveysSchema } from "@/lib/feedback/stop";

/** A customer's answer from the public survey page: no sign-in; the signed, single-use link is the authority. */
export const answerSurveyAction = publicAction
  .metadata({ actionName: "survey.answered", permission: "public" })
  .inputSchema(surveyAnswerSchema)
  .action(async ({ parsedInput }) => {
    await answerSurvey(parsedInput, clientAddress(await headers()));
    return { answered: true };
  });

/** "Stop asking me" from any survey link the customer was sent: no later survey for them in this workspace. */
export const stopSurveysAction = publicAction
  .metadata({ actionName: "survey.stopped", permission: "public" })
  .inputSchema(stopSurveysSchema)
  .action(async ({ parsedInput }) => {
    await stopSurveys(parsedInput.token, clientAddress(await headers()));
    return { stopped: true };
  });
