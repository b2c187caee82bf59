import type { Detector } from "../types.js";
import { configDetector } from "./config/index.js";
import { csharpDetector } from "./csharp/index.js";
import { devToolsDetector } from "./dev-tools.js";
import { goDetector } from "./go/index.js";
import { javaDetector } from "./java/index.js";
import { javascriptDetector } from "./javascript/index.js";
import { proseDetector } from "./prose.js";
import { pythonDetector } from "./python/index.js";
import { rubyDetector } from "./ruby/index.js";
import { scriptsDetector } from "./scripts.js";
import { secretsDetector } from "./secrets.js";

/** Every detector, one per ecosystem or signal family. */
export const DETECTORS: readonly Detector[] = [
  pythonDetector,
  javascriptDetector,
  goDetector,
  javaDetector,
  csharpDetector,
  rubyDetector,
  configDetector,
  scriptsDetector,
  devToolsDetector,
  proseDetector,
  secretsDetector,
];

export {
  configDetector,
  csharpDetector,
  devToolsDetector,
  goDetector,
  javaDetector,
  javascriptDetector,
  proseDetector,
  pythonDetector,
  rubyDetector,
  scriptsDetector,
  secretsDetector,
};
