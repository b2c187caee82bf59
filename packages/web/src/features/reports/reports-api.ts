import type { BoardReport, ReportFormat, ReportSnapshot, ReportSnapshotDetail } from "@caio/core";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, apiErrorFrom } from "../../api/api-error";
import { API_BASE, api, orgPath, queryString, request } from "../../api/client";
import { keys } from "../../api/query-keys";

/**
 * Query keys of the board packs, under `["org", slug]` like every other query of the organization.
 * Generating a pack refreshes only those it can change (see {@link useGenerateReport}).
 */
export const reportKeys = {
  model: (org: string, quarter: string) => ["org", org, "reports", "model", { quarter }] as const,
  preview: (org: string, quarter: string) => ["org", org, "reports", "preview", { quarter }] as const,
  list: (org: string) => ["org", org, "reports", "list"] as const,
  verify: (org: string, id: string) => ["org", org, "reports", "verify", id] as const,
};

/** The board pack's figures for a quarter, as the renderers print them. */
export function useReportModel(org: string, quarter: string) {
  return useQuery({
    queryKey: reportKeys.model(org, quarter),
    queryFn: ({ signal }) => api.get<BoardReport>(orgPath(org, `/reports/model${queryString({ quarter })}`), signal),
    placeholderData: keepPreviousData,
    // The model is gathered from every part of the organization: a minute between rebuilds is plenty.
    staleTime: 60_000,
  });
}

/** GET of a text answer (the HTML preview); failures carry the server's error like {@link request}. */
async function getText(path: string, signal?: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, { headers: { Accept: "text/html" }, credentials: "same-origin", signal });
  } catch (e) {
    if (e instanceof DOMException && e.name === "AbortError") throw e;
    throw new ApiError(0, "internal", "network error");
  }
  const text = await res.text();
  if (!res.ok) {
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      body = undefined;
    }
    throw apiErrorFrom(res.status, res.statusText, body);
  }
  return text;
}

/** The HTML rendering of a quarter's board pack, not stored. */
export function useReportPreview(org: string, quarter: string) {
  return useQuery({
    queryKey: reportKeys.preview(org, quarter),
    queryFn: ({ signal }) => getText(orgPath(org, `/reports/preview${queryString({ quarter })}`), signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The stored board packs, newest first. */
export function useReports(org: string) {
  return useQuery({
    queryKey: reportKeys.list(org),
    queryFn: ({ signal }) => api.get<{ items: ReportSnapshot[] }>(orgPath(org, "/reports"), signal),
  });
}

/** Whether a stored pack's bytes still match its digest and the audit ledger's. Checked once per visit. */
export function useReportVerification(org: string, id: string) {
  return useQuery({
    queryKey: reportKeys.verify(org, id),
    queryFn: ({ signal }) => api.get<ReportSnapshotDetail>(orgPath(org, `/reports/${encodeURIComponent(id)}`), signal),
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });
}

/** Address of a stored pack's exact bytes; a plain link downloads it with the session cookie. */
export function reportContentUrl(org: string, id: string): string {
  return `${API_BASE}${orgPath(org, `/reports/${encodeURIComponent(id)}/content`)}`;
}

export interface GenerateReport {
  quarter: string;
  format: ReportFormat;
}

/** Queries a new pack cannot change: the model and preview (live data, not the packs) and the verifications of stored packs. */
const UNCHANGED_BY_GENERATING = new Set(["model", "preview", "verify"]);

/**
 * Renders and stores a board pack (editors and above). Afterwards the organization's queries are
 * refreshed like after any change (the list, the audit log), except those a new pack cannot
 * change: rebuilding the model and preview, or hashing every stored pack again, would only load the server.
 */
export function useGenerateReport(org: string) {
  const qc = useQueryClient();
  return useMutation<ReportSnapshot, ApiError, GenerateReport>({
    mutationFn: (body) => request<ReportSnapshot>("POST", orgPath(org, "/reports"), { body }),
    onSuccess: async () => {
      await qc.invalidateQueries({
        queryKey: keys.org(org),
        predicate: (q) => !(q.queryKey[2] === "reports" && UNCHANGED_BY_GENERATING.has(String(q.queryKey[3]))),
      });
    },
  });
}
