/** The quarterly partner survey: how the brand treats its partners (each 1–5). */
export const SURVEY_QUESTIONS = [
  {
    key: "communication",
    label: "Communication",
    question: "How well does the brand keep you informed (plans, changes, news)?",
  },
  {
    key: "fairness",
    label: "Fairness",
    question: "How fair are the brand's terms, targets and decisions towards you?",
  },
  { key: "tools", label: "Tools", question: "How useful are the tools, systems and data the brand gives you?" },
  { key: "support", label: "Support", question: "How good is the help you get when you need it?" },
] as const;

export type SurveyKey = (typeof SURVEY_QUESTIONS)[number]["key"];
