import { Badge, createTheme, darken, defaultVariantColorsResolver, Modal, Notification, parseThemeColor, type VariantColorsResolver } from "@mantine/core";

/**
 * Mantine's "light" and "subtle" variants draw shade-6 text on a pale tint, which misses the
 * WCAG AA contrast ratio (4.5:1) for small text. Darken that text; keep the tint.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== "light" && input.variant !== "subtle") return resolved;
  const parsed = parseThemeColor({ color: input.color ?? input.theme.primaryColor, theme: input.theme });
  const palette = parsed.isThemeColor ? input.theme.colors[parsed.color] : undefined;
  if (!palette) return resolved;
  const amount = ["yellow", "orange", "lime"].includes(parsed.color) ? 0.45 : parsed.color === "gray" ? 0.2 : 0.3;
  return { ...resolved, color: darken(palette[9], amount) };
};

export const theme = createTheme({
  primaryColor: "indigo",
  // Shade 7 keeps white text on filled buttons above the WCAG AA contrast ratio.
  primaryShade: 7,
  // Dark text on light filled backgrounds (green, yellow badges).
  autoContrast: true,
  variantColorResolver,
  defaultRadius: "md",
  fontFamily: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', sans-serif",
  headings: { fontWeight: "700" },
  components: {
    // Sentence case reads better than capitals, and a badge never shrinks into "IN PRODU…".
    Badge: Badge.extend({
      defaultProps: { tt: "none" },
      styles: { root: { flexShrink: 0, overflow: "visible" }, label: { overflow: "visible" } },
    }),
    // Mantine's modal close button is an icon without a name: give it one for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close" } } }),
    // The same for the close button of notifications.
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { "aria-label": "Close notification" } } }),
  },
});
