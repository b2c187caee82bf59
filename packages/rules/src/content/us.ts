/**
 * US rules for a mid-market company: NYC Local Law 144 (automated employment decision tools) and
 * Colorado SB 26-189, which repealed and replaced SB 24-205 before it took effect. SB 24-205 is
 * kept, marked repealed, so a classification can say why it no longer applies.
 */
import type { ContentModule } from "../schema.js";
import { all, yes } from "./dsl.js";

const US = "us.scope";
const NYC = "nyc.aedt";
const COLORADO = "colorado.consequential";

export const us: ContentModule = {
  questions: [
    {
      id: US,
      framework: "us",
      section: "extra",
      text: "Is the system used in the United States, for decisions about or interactions with people there (e.g. candidates in New York City or consumers in Colorado)?",
      help: "Opens the US checks: NYC Local Law 144 and Colorado SB 26-189. Answer no when the system is used only outside the US.",
      cite: ["NYC Local Law 144 of 2021", "Colorado SB 26-189"],
      prefill: [{ when: { fact: "tags", includesAny: ["us", "usa", "united-states"] }, answer: "yes", reason: "The system is tagged as used in the US." }],
    },
    {
      id: NYC,
      framework: "nyc-ll144",
      section: "extra",
      text: "Is the system used to substantially assist or replace discretionary decisions to hire or promote candidates or employees for jobs in New York City (an automated employment decision tool)?",
      help: "NYC Admin Code §20-870. An AEDT is a computational process derived from machine learning, statistical modelling, data analytics or AI that issues a score, classification or recommendation used to substantially assist or replace the decision.",
      cite: ["NYC Admin Code §20-870", "NYC Local Law 144 of 2021"],
      askIf: yes(US),
    },
    {
      id: COLORADO,
      framework: "colorado-ai",
      section: "extra",
      text: "Does the system process personal data and materially influence consequential decisions about Colorado residents: employment, education, housing, lending or financial services, insurance, health care, or essential government services?",
      help: "Colorado SB 26-189 (signed 14 May 2026, effective 1 January 2027) covers automated decision-making technology that materially influences consequential decisions. It replaced SB 24-205.",
      cite: ["Colorado SB 26-189"],
      askIf: yes(US),
      prefill: [
        {
          when: { fact: "personalData", only: ["none"] },
          answer: "no",
          reason: "The inventory records no personal data.",
        },
      ],
    },
  ],
  schedules: [
    {
      id: "nyc.ll144",
      title: "NYC Local Law 144 enforcement",
      entries: [{ from: "2023-07-05", law: "nyc-ll144", status: "in-force", cite: ["6 RCNY §5-300", "NYC Local Law 144 of 2021"] }],
    },
    {
      id: "colorado.sb26-189",
      title: "Colorado SB 26-189 (automated decision-making technology)",
      entries: [
        {
          from: "2027-01-01",
          law: "colorado-sb26-189",
          status: "in-force",
          cite: ["Colorado SB 26-189"],
          note: "Attorney General rules are due by the same date.",
        },
      ],
    },
    {
      id: "colorado.sb24-205",
      title: "Colorado SB 24-205 (Colorado AI Act, repealed)",
      entries: [
        {
          from: "2026-06-30",
          law: "colorado-sb24-205",
          status: "repealed",
          cite: ["Colorado SB 24-205", "Colorado SB 25B-004", "Colorado SB 26-189"],
          note: "Delayed to 30 June 2026 by SB 25B-004, then repealed and replaced by SB 26-189 before taking effect.",
        },
      ],
    },
  ],
  extraChecks: [
    {
      id: "nyc-ll144",
      framework: "nyc-ll144",
      title: "NYC Local Law 144: automated employment decision tools",
      when: all(yes(US), yes(NYC)),
      yes: "The system is an automated employment decision tool used for New York City jobs: it needs an independent bias audit no more than one year before use, a public summary of the results, and notice to candidates and employees at least 10 business days before use.",
      no: "Not an automated employment decision tool used for hiring or promotion in New York City.",
      cite: ["NYC Admin Code §20-871", "6 RCNY §5-301", "6 RCNY §5-303", "6 RCNY §5-304"],
      status: "in-force",
      schedule: "nyc.ll144",
    },
    {
      id: "colorado-sb26-189",
      framework: "colorado-ai",
      title: "Colorado SB 26-189: automated decision-making technology",
      when: all(yes(US), yes(COLORADO)),
      yes: "The system materially influences consequential decisions about Colorado residents: notice at or before use, a plain-language explanation within 30 days after an adverse decision, a way to correct data, human review where commercially reasonable, records for 3 years; developers owe deployers documentation.",
      no: "Does not materially influence consequential decisions about Colorado residents.",
      cite: ["Colorado SB 26-189"],
      status: "in-force",
      schedule: "colorado.sb26-189",
    },
    {
      id: "colorado-sb24-205",
      framework: "colorado-ai",
      title: "Colorado SB 24-205 (Colorado AI Act): repealed",
      showIf: yes(COLORADO),
      when: { const: false },
      yes: "Not used: SB 24-205 was repealed before it took effect.",
      no: "Repealed and replaced by SB 26-189 before it took effect: its risk-management programme and impact-assessment duties no longer apply.",
      cite: ["Colorado SB 24-205", "Colorado SB 26-189"],
      status: "repealed",
      schedule: "colorado.sb24-205",
    },
  ],
  obligations: [
    {
      id: "nyc.bias-audit",
      framework: "nyc-ll144",
      title: "Independent bias audit within one year before use (NYC LL 144)",
      summary:
        "Have an independent auditor carry out a bias audit no more than one year before each use of the tool: selection or scoring rates and impact ratios by sex, race/ethnicity and their intersection. Repeat at least yearly.",
      cite: ["NYC Admin Code §20-871(a)(1)", "6 RCNY §5-301"],
      roles: ["deployer"],
      when: all(yes(US), yes(NYC)),
      dates: [{ schedule: "nyc.ll144" }],
      evidence: ["Bias audit report by an independent auditor, dated within the last year"],
      penalty: "nyc.ll144",
    },
    {
      id: "nyc.public-summary",
      framework: "nyc-ll144",
      title: "Publish the bias-audit summary (NYC LL 144)",
      summary:
        "Before use, publish on the employment section of your website a summary of the most recent bias audit (date, data source, number of individuals assessed, selection rates and impact ratios) and the tool's distribution date.",
      cite: ["NYC Admin Code §20-871(a)(2)", "6 RCNY §5-303"],
      roles: ["deployer"],
      when: all(yes(US), yes(NYC)),
      dates: [{ schedule: "nyc.ll144" }],
      evidence: ["Link to the published audit summary"],
      penalty: "nyc.ll144",
    },
    {
      id: "nyc.candidate-notice",
      framework: "nyc-ll144",
      title: "Notify candidates and employees 10 business days before use (NYC LL 144)",
      summary:
        "At least 10 business days before use, notify New York City residents who are candidates or employees that an AEDT will be used, the job qualifications and characteristics it assesses, and how to request an alternative process or accommodation; give data-source and retention information on request.",
      cite: ["NYC Admin Code §20-871(b)", "6 RCNY §5-304"],
      roles: ["deployer"],
      when: all(yes(US), yes(NYC)),
      dates: [{ schedule: "nyc.ll144" }],
      evidence: ["Candidate notice text and where it is posted", "Dates notices were given"],
      penalty: "nyc.ll144",
    },
    {
      id: "colorado.notice",
      framework: "colorado-ai",
      title: "Notice at or before use of automated decision-making (Colorado SB 26-189)",
      summary:
        "Tell consumers, at or before the time the technology is used, that it is used to make or materially influence a consequential decision about them.",
      cite: ["Colorado SB 26-189"],
      roles: ["deployer"],
      when: all(yes(US), yes(COLORADO)),
      dates: [{ schedule: "colorado.sb26-189" }],
      evidence: ["Consumer notice text"],
      penalty: "colorado.cpa",
    },
    {
      id: "colorado.adverse-decision",
      framework: "colorado-ai",
      title: "Explain adverse decisions within 30 days; correction and human review (Colorado SB 26-189)",
      summary:
        "After an adverse consequential decision, give the consumer a plain-language explanation within 30 days, a way to correct inaccurate personal data, and human review where commercially reasonable.",
      cite: ["Colorado SB 26-189"],
      roles: ["deployer"],
      when: all(yes(US), yes(COLORADO)),
      dates: [{ schedule: "colorado.sb26-189" }],
      evidence: ["Adverse-decision explanation template", "Correction and review procedure"],
      penalty: "colorado.cpa",
    },
    {
      id: "colorado.records",
      framework: "colorado-ai",
      title: "Keep records for three years (Colorado SB 26-189)",
      summary: "Keep the records the law requires about the use of the technology and the consequential decisions for three years.",
      cite: ["Colorado SB 26-189"],
      roles: ["deployer"],
      when: all(yes(US), yes(COLORADO)),
      dates: [{ schedule: "colorado.sb26-189" }],
      evidence: ["Retention schedule (3 years)"],
      penalty: "colorado.cpa",
    },
  ],
};
