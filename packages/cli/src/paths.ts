import { fileURLToPath } from "node:url";

/** The built web app, served by `caio serve`. */
export const WEB_DIST = fileURLToPath(new URL("../../web/dist", import.meta.url));
