import { SegmentedControl } from "@mantine/core";
import { useSearchParams } from "react-router";
import { DEFAULT_WINDOW_DAYS, WINDOW_DAYS, type WindowDays, windowDaysFromUrl } from "./savings-fields";

const OPTIONS = WINDOW_DAYS.map((d) => ({ value: String(d), label: `${d} days` }));

/** The analysis window's length from the address bar, and a setter that keeps the other parameters. */
export function useWindowDays(): [WindowDays, (days: WindowDays) => void] {
  const [sp, setSp] = useSearchParams();
  const set = (days: WindowDays) =>
    setSp(
      (prev) => {
        const p = new URLSearchParams(prev);
        if (days === DEFAULT_WINDOW_DAYS) p.delete("days");
        else p.set("days", String(days));
        return p;
      },
      { replace: true },
    );
  return [windowDaysFromUrl(sp), set];
}

/** Chooses how many days of usage, up to the latest day with data, the figures come from. */
export function WindowControl({ days, onChange }: { days: WindowDays; onChange: (days: WindowDays) => void }) {
  return <SegmentedControl aria-label="Window" data={OPTIONS} value={String(days)} onChange={(v) => onChange(Number(v) as WindowDays)} size="sm" />;
}
