import { describe, expect, it } from "vitest";
import { cssString, escapeHtml, escapeMarkdown, html } from "./escape.js";
import {
  change,
  compactMoney,
  count,
  date,
  dateTime,
  daysLeft,
  decimalMicros,
  durationMonths,
  kpiNumber,
  label,
  money,
  moneyDecimal,
  month,
  percent,
  share,
  truncate,
} from "./format.js";

describe("money", () => {
  it("prints micro-units as dollars to the cent, grouped, rounding half away from zero", () => {
    expect(money("12345670000")).toBe("$12,345.67");
    expect(money("0")).toBe("$0.00");
    expect(money("1005000")).toBe("$1.01");
    expect(money("1004999")).toBe("$1.00");
    expect(money("-5000000")).toBe("-$5.00");
    expect(money("4000")).toBe("< $0.01");
    expect(money("123456789012345678901234")).toBe("$123,456,789,012,345,678.90");
  });

  it("reads malformed or missing amounts as zero rather than failing", () => {
    expect(money(null)).toBe("$0.00");
    expect(money("12.5")).toBe("$0.00");
  });

  it("reads USD decimal strings, negative too", () => {
    expect(moneyDecimal("80000")).toBe("$80,000.00");
    expect(moneyDecimal("1234.5")).toBe("$1,234.50");
    expect(moneyDecimal("-1234.56")).toBe("-$1,234.56");
    expect(decimalMicros("0.000001")).toBe(1n);
    expect(moneyDecimal("oops")).toBe("$0.00");
  });

  it("shortens amounts for chart labels", () => {
    expect(compactMoney(0)).toBe("$0");
    expect(compactMoney(0.42)).toBe("$0.42");
    expect(compactMoney(532.4)).toBe("$532");
    expect(compactMoney(45_300)).toBe("$45.3K");
    expect(compactMoney(1_200_000)).toBe("$1.2M");
    expect(compactMoney(200_000)).toBe("$200K");
  });
});

describe("percentages and changes", () => {
  it("prints fractions with one decimal", () => {
    expect(percent(0.1234)).toBe("12.3%");
    expect(percent(0.12351)).toBe("12.4%");
    expect(percent(-0.04)).toBe("−4.0%");
    expect(percent(0)).toBe("0.0%");
    expect(percent(null)).toBe("—");
  });

  it("computes shares exactly from micro-units", () => {
    expect(share("1", "3")).toBe("33.3%");
    expect(share("2", "3")).toBe("66.7%");
    expect(share("1", "100000")).toBe("< 0.1%");
    expect(share("5", "0")).toBe("—");
  });

  it("says which way a change goes in words and arrows, not colour", () => {
    expect(change(0.124)).toBe("▲ up 12.4%");
    expect(change(-0.3)).toBe("▼ down 30.0%");
    expect(change(0.00001)).toBe("► unchanged (0.0%)");
    expect(change(null)).toBe("no spend in the previous quarter");
  });
});

describe("dates and numbers", () => {
  it("prints dates in UTC without the machine's locale", () => {
    expect(date("2026-10-01")).toBe("1 Oct 2026");
    expect(date(null)).toBe("—");
    expect(dateTime("2026-11-23T14:30:15.894Z")).toBe("23 Nov 2026, 14:30 UTC");
    expect(dateTime("2026-11-23T23:30:00-05:00")).toBe("24 Nov 2026, 04:30 UTC");
    expect(month("2026-10")).toBe("Oct 2026");
    expect(month("2026-10", true)).toBe("October 2026");
  });

  it("prints counts, KPI values, durations and days left", () => {
    expect(count(1234567)).toBe("1,234,567");
    expect(count(-1234)).toBe("-1,234");
    expect(kpiNumber(14.5)).toBe("14.5");
    expect(kpiNumber(1234.567)).toBe("1,234.57");
    expect(kpiNumber(null)).toBe("—");
    expect(durationMonths(7.44)).toBe("7.4 months");
    expect(durationMonths(null)).toBe("—");
    expect(daysLeft(12)).toBe("in 12 days");
    expect(daysLeft(1)).toBe("in 1 day");
    expect(daysLeft(-3)).toBe("3 days overdue");
    expect(daysLeft(0)).toBe("today");
  });

  it("names the model's keys in words and leaves unknown ones alone", () => {
    expect(label("high-risk")).toBe("High-risk");
    expect(label("production")).toBe("In production");
    expect(label("continue-or-stop")).toBe("Continue or stop");
    expect(label("Something custom")).toBe("Something custom");
  });

  it("shortens long names with an ellipsis", () => {
    expect(truncate("short", 10)).toBe("short");
    expect(truncate("a rather long system name", 10)).toBe("a rather…");
  });
});

describe("escaping", () => {
  it("escapes HTML text and attributes", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("escapes every value interpolated into the html tag, but not nested markup", () => {
    const name = "<script>alert(1)</script>";
    const out = html`<p>${name}</p>${[html`<b>${name}</b>`, "<i>"]}`.value;
    expect(out).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><b>&lt;script&gt;alert(1)&lt;/script&gt;</b>&lt;i&gt;");
  });

  it("keeps CSS strings inside their quotes and the style element", () => {
    const css = cssString('a"b\\c</style>\nd');
    expect(css).not.toMatch(/<|>/);
    expect(css.slice(1, -1)).not.toMatch(/(^|[^\\])"/);
    expect(css).toBe('"a\\22 b\\5C c\\3C /style\\3E \\A d"');
  });

  it("escapes Markdown specials, pipes and block starts", () => {
    expect(escapeMarkdown("a | b")).toBe("a \\| b");
    expect(escapeMarkdown("*x* _y_ `z` [l](u) <b> ~~s~~")).toBe("\\*x\\* \\_y\\_ \\`z\\` \\[l\\](u) \\<b\\> \\~\\~s\\~\\~");
    expect(escapeMarkdown("# title")).toBe("\\# title");
    expect(escapeMarkdown("- item")).toBe("\\- item");
    expect(escapeMarkdown("1. first")).toBe("1\\. first");
    expect(escapeMarkdown("54.8%")).toBe("54.8%");
    expect(escapeMarkdown("Fish & Chips &amp;")).toBe("Fish & Chips \\&amp;");
    expect(escapeMarkdown("two\nlines")).toBe("two lines");
  });
});
