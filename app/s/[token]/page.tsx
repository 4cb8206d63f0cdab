import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { readSurvey } from "@/lib/feedback/answer";
import { SurveyAnswerForm } from "./answer-form";
import { StopSurveys } from "./stop-surveys";

export const metadata: Metadata = { title: "A short survey", robots: { index: false } };

const PROBLEMS = {
  answered: "This survey was already answered. Thank you!",
  expired: "This survey link has expired. Thank you all the same.",
};

export default async function PublicSurveyPage({ params }: PageProps<"/s/[token]">) {
  const { token } = await params;
  const survey = token.length <= 300 ? await readSurvey(token) : null;
  if (!survey)
    return (
      <Card className="p-6">
        <h1 className="text-lg font-semibold">Survey not found</h1>
        <p className="mt-2 text-sm text-slate-600">This survey link is not valid. Check that you copied all of it.</p>
      </Card>
    );
  return (
    <Card className="p-6">
      <p className="text-sm text-slate-600">{survey.tenantName}</p>
      <h1 className="mt-1 text-lg font-semibold">How was {survey.touchpointName.toLowerCase()}?</h1>
      <p className="mb-5 mt-1 text-sm text-slate-600">
        {survey.partnerName} handled it for {survey.tenantName}. Two questions and a comment if you like: your answer
        goes to the people who can improve it.
      </p>
      {survey.problem ? (
        <p className="text-sm text-slate-700" data-testid="survey-problem">
          {PROBLEMS[survey.problem]}
        </p>
      ) : (
        <SurveyAnswerForm token={token} tenantName={survey.tenantName} />
      )}
      <div className="mt-6 border-t border-slate-200 pt-4" id="stop">
        <StopSurveys token={token} tenantName={survey.tenantName} />
      </div>
    </Card>
  );
}
