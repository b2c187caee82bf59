import { describe, expect, it } from "vitest";
import { CONFIG_FIXTURES } from "./fixtures/config.js";
import { CSHARP_FIXTURES } from "./fixtures/csharp.js";
import { GO_FIXTURES } from "./fixtures/go.js";
import { JAVA_FIXTURES } from "./fixtures/java.js";
import { JAVASCRIPT_FIXTURES } from "./fixtures/javascript.js";
import { MISC_FIXTURES } from "./fixtures/misc.js";
import { PYTHON_FIXTURES } from "./fixtures/python.js";
import { RUBY_FIXTURES } from "./fixtures/ruby.js";
import { compareFixture } from "./helpers/annotated.js";

const SUITES = {
  python: PYTHON_FIXTURES,
  javascript: JAVASCRIPT_FIXTURES,
  go: GO_FIXTURES,
  java: JAVA_FIXTURES,
  csharp: CSHARP_FIXTURES,
  ruby: RUBY_FIXTURES,
  config: CONFIG_FIXTURES,
  "dev tools, prose, scripts and secrets": MISC_FIXTURES,
};

describe("annotated fixtures: every line's hits match its annotation exactly", () => {
  for (const [suite, fixtures] of Object.entries(SUITES)) {
    describe(suite, () => {
      for (const fixture of fixtures) {
        it(fixture.name, () => {
          expect(compareFixture(fixture)).toEqual([]);
        });
      }
    });
  }
});
