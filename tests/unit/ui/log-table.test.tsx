import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { UrlField } from "@/components/forms/url-field";
import { LogRow, LogTable } from "@/components/ui/log-table";

describe("LogTable (webhook endpoints and deliveries, e-mail deliveries)", () => {
  it("is a labelled scroll region with one header row, an unlabelled actions column and the page's rows", () => {
    const html = renderToStaticMarkup(
      <LogTable label="Recent deliveries" headers={["Event", "Status", null]} testId="webhook-deliveries">
        <LogRow>
          <td>incident.created</td>
          <td>Delivered</td>
          <td>Retry</td>
        </LogRow>
      </LogTable>,
    );
    expect(html).toMatch(/aria-label="Recent deliveries"/);
    expect(html).toMatch(/tabindex="0"/);
    expect([...html.matchAll(/<th\b[^>]*>(.*?)<\/th>/g)].map((m) => m[1])).toEqual([
      "Event",
      "Status",
      '<span class="sr-only">Actions</span>',
    ]);
    expect(html).toMatch(
      /<tbody data-testid="webhook-deliveries"><tr class="[^"]*align-top[^"]*"><td>incident.created/,
    );
  });
});

describe("UrlField (webhook endpoint and chat webhook forms)", () => {
  it("is a labelled url input described by its hint, or by its error", () => {
    const hinted = renderToStaticMarkup(
      <UrlField
        label="Endpoint URL"
        hint="https only"
        value="https://x.test"
        placeholder="https://…"
        onChange={() => {}}
      />,
    );
    expect(hinted).toMatch(/<label for="([^"]+)"[^>]*>Endpoint URL<\/label>/);
    expect(hinted).toMatch(/type="url"/);
    expect(hinted).toMatch(/value="https:\/\/x.test"/);
    expect(hinted).toMatch(/aria-describedby="[^"]*-hint"/);
    const invalid = renderToStaticMarkup(
      <UrlField
        label="Endpoint URL"
        hint="https only"
        error="Enter an https URL"
        value=""
        placeholder=""
        onChange={() => {}}
      />,
    );
    expect(invalid).toMatch(/aria-invalid="true"/);
    expect(invalid).toContain("Enter an https URL");
  });
});
