import { createElement } from "react";
import type { Db } from "@/lib/db/scope";
import { SurveyEmail } from "@/lib/mail/templates/survey-email";
import { queueMail } from "../queue";
import { renderMail } from "../render";

export type SurveyMailInput = {
  feedbackId: string;
  email: string;
  tenantName: string;
  touchpointName: string;
  partnerName: string;
  surveyUrl: string;
  /** The one-click link that stops every later survey for this customer (List-Unsubscribe). */
  stopUrl: string;
  expiresAt: Date;
};

/** The survey invitation to a customer, queued in the transaction that creates the survey. */
export function queueSurveyMail(db: Db, tenantId: string, input: SurveyMailInput) {
  return queueMail(db, tenantId, {
    kind: "survey",
    eventKey: `survey:${input.feedbackId}`,
    recipients: [{ email: input.email }],
    mandatory: true,
    link: input.surveyUrl,
    oneClickStopUrl: input.stopUrl,
    compose: () =>
      renderMail(
        `${input.tenantName}: how was ${input.touchpointName.toLowerCase()}?`,
        createElement(SurveyEmail, {
          tenantName: input.tenantName,
          touchpointName: input.touchpointName,
          partnerName: input.partnerName,
          surveyUrl: input.surveyUrl,
          expiresOn: input.expiresAt.toUTCString().replace(/ \d\d:\d\d:\d\d GMT$/, ""),
        }),
      ),
  });
}
