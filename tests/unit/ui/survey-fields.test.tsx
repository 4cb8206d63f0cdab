import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ScoreScale, SurveyFields } from "@/components/forms/survey-fields";

const noop = () => undefined;
const fieldsetAttr = (html: string, name: string) =>
  new RegExp(`\\b${name}="([^"]*)"`).exec(/<fieldset([^>]*)>/.exec(html)?.[1] ?? "")?.[1];
const radios = (html: string) =>
  [...html.matchAll(/<input([^>]*)\/?>/g)].map((m) => ({
    value: /\bvalue="([^"]*)"/.exec(m[1])?.[1],
    name: /\bname="([^"]*)"/.exec(m[1])?.[1],
    checked: /\bchecked=""/.test(m[1]),
    label: /\baria-label="([^"]*)"/.exec(m[1])?.[1],
  }));

describe("ScoreScale", () => {
  it("offers one radio per score in one group, with the chosen score checked", () => {
    const html = renderToStaticMarkup(
      <ScoreScale name="nps" legend="Recommend us?" scores={[0, 5, 10]} value={5} onChange={noop} />,
    );
    expect(html).toContain("<legend");
    expect(radios(html)).toEqual([
      { value: "0", name: "nps", checked: false, label: undefined },
      { value: "5", name: "nps", checked: true, label: undefined },
      { value: "10", name: "nps", checked: false, label: undefined },
    ]);
    expect(fieldsetAttr(html, "aria-describedby")).toBeUndefined();
    expect(fieldsetAttr(html, "aria-invalid")).toBeUndefined();
  });

  it("names each radio after its question when told", () => {
    const html = renderToStaticMarkup(
      <ScoreScale
        name="tools"
        legend="Tools"
        scores={[1, 2]}
        value={null}
        onChange={noop}
        scoreLabel={(n) => `Tools: ${n} of 5`}
      />,
    );
    expect(radios(html).map((r) => [r.label, r.checked])).toEqual([
      ["Tools: 1 of 5", false],
      ["Tools: 2 of 5", false],
    ]);
  });

  it("describes the group by the scale's ends and by the error, and marks it invalid", () => {
    const html = renderToStaticMarkup(
      <ScoreScale
        name="csat"
        legend="How satisfied were you?"
        hint="1 = very dissatisfied, 5 = very satisfied"
        scores={[1, 2, 3, 4, 5]}
        value={null}
        onChange={noop}
        error="Choose a score from 1 to 5"
      />,
    );
    expect(fieldsetAttr(html, "aria-describedby")).toBe("csat-hint csat-error");
    expect(fieldsetAttr(html, "aria-invalid")).toBe("true");
    expect(html).toMatch(/<p id="csat-hint"[^>]*>1 = very dissatisfied, 5 = very satisfied<\/p>/);
    expect(html).toMatch(/<p id="csat-error"[^>]*data-testid="field-error"[^>]*>Choose a score from 1 to 5<\/p>/);
  });
});

describe("SurveyFields", () => {
  const questions = [
    { name: "csat" as const, legend: "How satisfied were you?", scores: [1, 2, 3, 4, 5] },
    { name: "nps" as const, legend: "Recommend us?", scores: [0, 10], scoreLabel: (n: number) => `NPS ${n}` },
  ];
  it("renders each question's scale, the comment box and the answer's messages", () => {
    const html = renderToStaticMarkup(
      <SurveyFields
        questions={questions}
        values={{ csat: 4, nps: null, comment: "Quick delivery" }}
        onChange={noop}
        result={{ serverError: "Try again later", validationErrors: { fieldErrors: { nps: ["Choose a score"] } } }}
        commentLabel="Anything else? (optional)"
      />,
    );
    expect(radios(html).map((r) => [r.name, r.value, r.checked, r.label])).toEqual([
      ["csat", "1", false, undefined],
      ["csat", "2", false, undefined],
      ["csat", "3", false, undefined],
      ["csat", "4", true, undefined],
      ["csat", "5", false, undefined],
      ["nps", "0", false, "NPS 0"],
      ["nps", "10", false, "NPS 10"],
    ]);
    expect(html).toMatch(/<p id="nps-error"[^>]*>Choose a score<\/p>/);
    expect(html).not.toContain('id="csat-error"');
    expect(html).toMatch(/<label for="[^"]*"[^>]*>Anything else\? \(optional\)<\/label>/);
    expect(html).toMatch(/<textarea[^>]*maxLength="2000"[^>]*>Quick delivery<\/textarea>/);
    expect(html).toMatch(/data-testid="form-error"[^>]*>Try again later</);
  });
});
