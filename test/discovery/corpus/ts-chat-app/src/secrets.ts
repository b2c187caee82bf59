// Committed by mistake during a demo; rotate it.
export const ANTHROPIC_FALLBACK = "__CAIO_PLANT_anthropic__";
