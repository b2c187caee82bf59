/** Maximum fines and sanctions, attached to labels and obligations by id. */
import type { Penalty } from "../schema.js";

const SME = "For SMEs and start-ups, the lower of the two amounts applies (Art 99(6)); the Digital Omnibus extends this to small mid-cap companies.";

export const PENALTIES: Penalty[] = [
  {
    id: "aia.99-1",
    cite: ["AI Act Art 99(1)"],
    maximum: "Penalties laid down by each Member State: effective, proportionate and dissuasive.",
  },
  {
    id: "aia.99-3",
    cite: ["AI Act Art 99(3)", "AI Act Art 99(6)"],
    maximum: "Up to EUR 35 million or 7% of total worldwide annual turnover, whichever is higher.",
    note: SME,
  },
  {
    id: "aia.99-4",
    cite: ["AI Act Art 99(4)", "AI Act Art 99(6)"],
    maximum: "Up to EUR 15 million or 3% of total worldwide annual turnover, whichever is higher.",
    note: SME,
  },
  {
    id: "aia.99-5",
    cite: ["AI Act Art 99(5)", "AI Act Art 99(6)"],
    maximum:
      "Up to EUR 7.5 million or 1% of total worldwide annual turnover, whichever is higher, for incorrect, incomplete or misleading information to notified bodies or authorities.",
    note: SME,
  },
  {
    id: "aia.101",
    cite: ["AI Act Art 101(1)"],
    maximum:
      "Up to EUR 15 million or 3% of total worldwide annual turnover, whichever is higher, imposed by the Commission on general-purpose AI model providers (from 2 August 2026).",
  },
  {
    id: "nyc.ll144",
    cite: ["NYC Admin Code §20-872"],
    maximum:
      "USD 500 for a first violation and each additional violation on the same day, USD 500 to 1,500 for each subsequent violation; each day of use and each notice failure count separately.",
  },
  {
    id: "gdpr.83-4",
    cite: ["GDPR Art 83(4)"],
    maximum: "Up to EUR 10 million or 2% of total worldwide annual turnover, whichever is higher (e.g. a missing DPIA).",
  },
  {
    id: "gdpr.83-5",
    cite: ["GDPR Art 83(5)"],
    maximum: "Up to EUR 20 million or 4% of total worldwide annual turnover, whichever is higher (e.g. data-subject rights under Art 22).",
  },
  {
    id: "colorado.cpa",
    cite: ["Colorado SB 26-189"],
    maximum: "Enforced by the Colorado Attorney General, whose implementing rules are due by 1 January 2027.",
  },
];
