import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NumberField, typedNumber } from "@/components/ui/number-field";

const noop = () => undefined;

/** The input's attributes and its label, from the rendered markup. */
function parse(html: string) {
  const input = /<input([^>]*)\/?>/.exec(html)?.[1] ?? "";
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(input)?.[1];
  const labelFor = /<label for="([^"]*)"[^>]*>([^<]*)<\/label>/.exec(html);
  return { attr, disabled: /\bdisabled=""/.test(input), labelFor: labelFor?.[1], label: labelFor?.[2] };
}

describe("NumberField", () => {
  it("labels the input, shows the typed text and asks for the numeric keyboard by default", () => {
    const out = parse(renderToStaticMarkup(<NumberField label="Days between surveys" value="30" onChange={noop} />));
    expect(out.label).toBe("Days between surveys");
    expect(out.labelFor).toBe(out.attr("id"));
    expect(out.attr("value")).toBe("30");
    expect(out.attr("inputMode")).toBe("numeric");
    expect(out.attr("aria-invalid")).toBeUndefined();
    expect(out.attr("aria-describedby")).toBeUndefined();
    expect(out.disabled).toBe(false);
  });

  it("asks for the decimal keyboard when told", () => {
    const html = renderToStaticMarkup(
      <NumberField label="Annual discount rate (%)" value="10" inputMode="decimal" onChange={noop} />,
    );
    expect(parse(html).attr("inputMode")).toBe("decimal");
  });

  it("marks the input invalid and describes it by the error, or by the hint without one", () => {
    const html = renderToStaticMarkup(
      <NumberField label="Horizon" value="0" onChange={noop} hint="1–120" error={["Enter 1 to 120 months"]} />,
    );
    const out = parse(html);
    expect(out.attr("aria-invalid")).toBe("true");
    const errorId = /<p id="([^"]*)"[^>]*>Enter 1 to 120 months<\/p>/.exec(html)?.[1];
    expect(errorId).toBeDefined();
    expect(out.attr("aria-describedby")?.split(" ")).toContain(errorId);
    expect(html).not.toContain("1–120");
    const hinted = parse(renderToStaticMarkup(<NumberField label="Horizon" value="12" onChange={noop} hint="1–120" />));
    expect(hinted.attr("aria-describedby")).toMatch(/-hint$/);
    expect(html.replace(/<input[^>]*>/, "")).not.toContain("aria-invalid");
  });

  it("can be disabled", () => {
    expect(parse(renderToStaticMarkup(<NumberField label="Margin" value="" onChange={noop} disabled />)).disabled).toBe(
      true,
    );
  });
});

describe("typedNumber", () => {
  it("reads the typed text as a number, and an empty or non-numeric text as NaN for the server to name", () => {
    expect(typedNumber("30")).toBe(30);
    expect(typedNumber(" 2.5 ")).toBe(2.5);
    expect(typedNumber("")).toBeNaN();
    expect(typedNumber("   ")).toBeNaN();
    expect(typedNumber("ten")).toBeNaN();
  });
});

describe("the number-input pattern in settings forms", () => {
  // A labelled number input inside Field, written out by hand, is what NumberField is for.
  it("is not written out by hand under app/t/[tenant]/settings", () => {
    const files = execFileSync("git", ["ls-files", "app/t"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f.startsWith("app/t/[tenant]/settings/") && f.endsWith(".tsx"));
    expect(files.length).toBeGreaterThan(5);
    const handWritten = files.filter((f) =>
      /\{\(p\) => \(\s*<input\s+\{\.\.\.p\}[^>]*\binputMode=/.test(readFileSync(f, "utf8")),
    );
    expect(handWritten).toEqual([]);
  });
});
