import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { SelectField } from "@/components/ui/select-field";

const options = [
  { value: "LOW", label: "Low" },
  { value: "HIGH", label: "High" },
];
const noop = () => undefined;

/** The select's attributes and its options (value and label), from the rendered markup. */
function parse(html: string) {
  const select = /<select([^>]*)>/.exec(html)?.[1] ?? "";
  const attr = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(select)?.[1];
  const rendered = [...html.matchAll(/<option value="([^"]*)"( selected="")?>([^<]*)<\/option>/g)].map((m) => ({
    value: m[1],
    label: m[3],
    selected: Boolean(m[2]),
  }));
  const labelFor = /<label for="([^"]*)"[^>]*>([^<]*)<\/label>/.exec(html);
  return {
    attr,
    disabled: /\bdisabled=""/.test(select),
    options: rendered,
    labelFor: labelFor?.[1],
    label: labelFor?.[2],
  };
}

describe("SelectField", () => {
  it("labels the select and lists the options in order, with the value selected", () => {
    const out = parse(
      renderToStaticMarkup(<SelectField label="Severity" value="HIGH" onChange={noop} options={options} />),
    );
    expect(out.label).toBe("Severity");
    expect(out.labelFor).toBe(out.attr("id"));
    expect(out.options).toEqual([
      { value: "LOW", label: "Low", selected: false },
      { value: "HIGH", label: "High", selected: true },
    ]);
    expect(out.attr("aria-invalid")).toBeUndefined();
    expect(out.disabled).toBe(false);
  });

  it("puts the placeholder first as an empty choice", () => {
    const out = parse(
      renderToStaticMarkup(
        <SelectField label="Partner" value="" onChange={noop} placeholder="Choose a partner…" options={options} />,
      ),
    );
    expect(out.options.map((o) => [o.value, o.label, o.selected])).toEqual([
      ["", "Choose a partner…", true],
      ["LOW", "Low", false],
      ["HIGH", "High", false],
    ]);
  });

  it("marks the select invalid and describes it by the error, or by the hint without one", () => {
    const html = renderToStaticMarkup(
      <SelectField
        label="Tier"
        value="LOW"
        onChange={noop}
        options={options}
        hint="Pick one"
        error={["Choose a tier"]}
      />,
    );
    const out = parse(html);
    expect(out.attr("aria-invalid")).toBe("true");
    const errorId = /<p id="([^"]*)"[^>]*>Choose a tier<\/p>/.exec(html)?.[1];
    expect(errorId).toBeDefined();
    expect(out.attr("aria-describedby")?.split(" ")).toContain(errorId);
    expect(html).not.toContain("Pick one");
    const hinted = parse(
      renderToStaticMarkup(<SelectField label="Tier" value="LOW" onChange={noop} options={options} hint="Pick one" />),
    );
    expect(hinted.attr("aria-describedby")).toMatch(/-hint$/);
  });

  it("can be disabled", () => {
    expect(
      parse(
        renderToStaticMarkup(<SelectField label="Comparator" value="LOW" onChange={noop} options={options} disabled />),
      ).disabled,
    ).toBe(true);
  });

  it("carries the form field's name for a form submitted as FormData", () => {
    const html = renderToStaticMarkup(
      <SelectField label="Incident created" name="INCIDENT_CREATED" value="LOW" onChange={noop} options={options} />,
    );
    expect(parse(html).attr("name")).toBe("INCIDENT_CREATED");
  });
});

describe("the select-with-options pattern", () => {
  // A labelled select inside Field, written out by hand, is what SelectField is for (issue 14).
  it("is not written out by hand in app/ or components/", () => {
    const files = execFileSync("git", ["ls-files", "app", "components"], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f.endsWith(".tsx") && f !== "components/ui/select-field.tsx");
    const handWritten = files.filter((f) => /\{\(p\) => \(\s*<select\b/.test(readFileSync(f, "utf8")));
    expect(handWritten).toEqual([]);
  });
});
