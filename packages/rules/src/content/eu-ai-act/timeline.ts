/**
 * When each group of duties applies, under the AI Act as published (Regulation (EU) 2024/1689,
 * Arts 111 and 113) and as amended by the Digital Omnibus on AI (adopted by Parliament on
 * 16 June 2026 and the Council on 29 June 2026; publication in the Official Journal pending).
 */
import type { ContentModule } from "../../schema.js";

const OMNIBUS = "Digital Omnibus on AI (amending Regulation (EU) 2024/1689)";

export const timeline: ContentModule = {
  schedules: [
    {
      id: "aia.art4",
      title: "AI literacy (Art 4)",
      entries: [
        { from: "2025-02-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113(a)"] },
        {
          from: "2025-02-02",
          law: "omnibus-2026",
          status: "adopted-pending-publication",
          cite: [OMNIBUS],
          note: "The Omnibus rewords Art 4; sources differ on whether a duty on providers and deployers remains or only an encouragement.",
        },
      ],
    },
    {
      id: "aia.art5",
      title: "Prohibited practices (Art 5)",
      entries: [{ from: "2025-02-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113(a)"] }],
    },
    {
      id: "aia.art5-ncii",
      title: "Ban on non-consensual intimate imagery and CSAM (Omnibus)",
      entries: [{ from: "2026-12-02", law: "omnibus-2026", status: "adopted-pending-publication", cite: [OMNIBUS] }],
    },
    {
      id: "aia.gpai",
      title: "General-purpose AI models (Chapter V)",
      entries: [{ from: "2025-08-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113(b)"] }],
    },
    {
      id: "aia.gpai-existing",
      title: "General-purpose AI models placed on the market before 2 August 2025",
      entries: [{ from: "2027-08-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 111(3)"] }],
    },
    {
      id: "aia.annex-iii",
      title: "High-risk systems under Art 6(2) and Annex III",
      entries: [
        { from: "2026-08-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113"] },
        {
          from: "2027-12-02",
          law: "omnibus-2026",
          status: "adopted-pending-publication",
          cite: [OMNIBUS],
          note: "Fixed date in the final Omnibus text (the proposal's support-ready decision with backstops was dropped).",
        },
      ],
    },
    {
      id: "aia.annex-i",
      title: "High-risk systems under Art 6(1) and Annex I",
      entries: [
        { from: "2027-08-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113(c)"] },
        { from: "2028-08-02", law: "omnibus-2026", status: "adopted-pending-publication", cite: [OMNIBUS] },
      ],
    },
    {
      id: "aia.art50",
      title: "Transparency duties (Art 50)",
      entries: [{ from: "2026-08-02", law: "2024/1689", status: "in-force", cite: ["AI Act Art 113"] }],
    },
    {
      id: "aia.art50-2-existing",
      title: "Art 50(2) marking for generative systems already on the market before 2 August 2026 (Omnibus)",
      entries: [{ from: "2026-12-02", law: "omnibus-2026", status: "adopted-pending-publication", cite: [OMNIBUS] }],
    },
  ],
};
