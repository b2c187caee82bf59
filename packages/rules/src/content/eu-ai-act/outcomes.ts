/**
 * EU AI Act outcomes that depend on everything else: the Art 2(12) open-source exclusion (only
 * when the system is neither high-risk nor under Art 50), the minimal-risk label when nothing else
 * applies, and Art 4 AI literacy for every provider and deployer of a system in scope (not for
 * Annex I Section B products, to which only Art 6(1), Arts 102-109 and 112 apply: Art 2(2)).
 */
import type { ContentModule } from "../../schema.js";
import { all, not, ref, yes } from "../dsl.js";

export const outcomes: ContentModule = {
  definitions: {
    "aia.os-excluded": all(ref("aia.live"), yes("aia.scope.open-source"), not(ref("aia.high-risk")), not(ref("aia.transparency"))),
  },
  labels: [
    {
      id: "aia.out.art2-12",
      kind: "out-of-scope",
      basis: "Art 2(12) exclusion: released under a free and open-source licence, and neither high-risk, nor prohibited, nor under Art 50.",
      cite: ["AI Act Art 2(12)"],
      when: ref("aia.os-excluded"),
    },
    {
      id: "aia.minimal",
      kind: "minimal",
      basis:
        "Minimal risk: in scope, but not prohibited, not high-risk, without Art 50 transparency duties and without general-purpose model duties. Art 4 AI literacy applies; voluntary codes of conduct are encouraged (Art 95).",
      cite: ["AI Act Art 4", "AI Act Art 95"],
      when: all(
        ref("aia.live"),
        not(ref("aia.os-excluded")),
        not(ref("aia.high-risk")),
        not(ref("aia.annex3-any")),
        not(ref("aia.transparency")),
        not(ref("aia.gpai")),
      ),
    },
  ],
  obligations: [
    {
      id: "aia.art4.ai-literacy",
      framework: "eu-ai-act",
      title: "AI literacy of staff (Art 4)",
      summary:
        "Take measures to ensure, to your best extent, a sufficient level of AI literacy of your staff and others operating or using AI systems on your behalf, considering their knowledge, experience, education and training and the context of use. The Digital Omnibus rewords this duty.",
      cite: ["AI Act Art 4", "AI Act Art 3(56)"],
      roles: ["provider", "deployer"],
      when: all(ref("aia.live"), not(ref("aia.os-excluded")), not(ref("aia.section-b-only"))),
      dates: [{ schedule: "aia.art4" }],
      evidence: ["AI literacy training plan", "Training attendance records"],
    },
  ],
};
