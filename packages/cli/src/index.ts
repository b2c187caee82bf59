export { buildProgram, CLI_VERSION, run } from "./program.js";
