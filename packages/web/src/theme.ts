import { Badge, createTheme } from "@mantine/core";

export const theme = createTheme({
  primaryColor: "indigo",
  // Shade 7 keeps white text on filled buttons above the WCAG AA contrast ratio.
  primaryShade: 7,
  defaultRadius: "md",
  fontFamily:
    "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "700" },
  components: {
    // Sentence case reads better than capitals, and a badge never shrinks into "IN PRODU…".
    Badge: Badge.extend({
      defaultProps: { tt: "none" },
      styles: { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } },
    }),
  },
});
