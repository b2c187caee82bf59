import type { TriState, Vendor, VendorCreateInput } from "@caio/core";

/** Field keys (dotted paths of the API) and their labels, for the form, error messages and history. */
export const VENDOR_FIELD_LABELS: Record<string, string> = {
  name: "Name",
  services: "Services",
  website: "Website",
  notes: "Notes",
  contract: "Contract",
  "contract.start": "Contract start",
  "contract.end": "Contract end",
  "contract.renewalNoticeDate": "Renewal notice date",
  "contract.commitmentAmount": "Commitment",
  "contract.commitmentCurrency": "Currency",
  dataTerms: "Data-use terms",
  "dataTerms.trainsOnCustomerData": "Trains on your data",
  "dataTerms.retentionDays": "Retention",
  "dataTerms.dpaSigned": "DPA signed",
  "dataTerms.dataRegion": "Data region",
};

export interface VendorFormValues {
  name: string;
  services: string[];
  website: string;
  notes: string;
  start: string;
  end: string;
  renewalNoticeDate: string;
  commitmentAmount: string;
  commitmentCurrency: string;
  trainsOnCustomerData: TriState;
  retentionDays: string;
  dpaSigned: boolean;
  dataRegion: string;
}

export const EMPTY_VENDOR: VendorFormValues = {
  name: "",
  services: [],
  website: "",
  notes: "",
  start: "",
  end: "",
  renewalNoticeDate: "",
  commitmentAmount: "",
  commitmentCurrency: "USD",
  trainsOnCustomerData: "unknown",
  retentionDays: "",
  dpaSigned: false,
  dataRegion: "",
};

export function vendorToForm(v: Vendor): VendorFormValues {
  return {
    name: v.name,
    services: v.services,
    website: v.website,
    notes: v.notes,
    start: v.contract.start ?? "",
    end: v.contract.end ?? "",
    renewalNoticeDate: v.contract.renewalNoticeDate ?? "",
    commitmentAmount: v.contract.commitmentAmount ?? "",
    commitmentCurrency: v.contract.commitmentCurrency || "USD",
    trainsOnCustomerData: v.dataTerms.trainsOnCustomerData,
    retentionDays: v.dataTerms.retentionDays === null ? "" : String(v.dataTerms.retentionDays),
    dpaSigned: v.dataTerms.dpaSigned,
    dataRegion: v.dataTerms.dataRegion,
  };
}

/** Whole days as typed, or null when empty; undefined when it is not a whole number. */
export function parseRetention(text: string): number | null | undefined {
  const t = text.trim();
  if (!t) return null;
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

/** The request body. Empty dates and amounts become null; "120,000" becomes "120000". */
export function vendorFormToInput(v: VendorFormValues): VendorCreateInput {
  const amount = v.commitmentAmount.replace(/[\s,]/g, "");
  return {
    name: v.name,
    services: v.services,
    website: v.website.trim(),
    notes: v.notes,
    contract: {
      start: v.start || null,
      end: v.end || null,
      renewalNoticeDate: v.renewalNoticeDate || null,
      commitmentAmount: amount || null,
      commitmentCurrency: v.commitmentCurrency.trim().toUpperCase(),
    },
    dataTerms: {
      trainsOnCustomerData: v.trainsOnCustomerData,
      retentionDays: parseRetention(v.retentionDays) ?? null,
      dpaSigned: v.dpaSigned,
      dataRegion: v.dataRegion,
    },
  };
}
