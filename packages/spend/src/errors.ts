import { ValidationError } from "@caio/core";

/** Where in an input a problem was found. */
export interface ImportLocation {
  /** File name as given to the importer. */
  file: string;
  /** 1-based line number, when known (JSONL, CSV, or a JSON syntax error). */
  line?: number;
  /** The record within the file, e.g. `page 2 data[0].results[3]`. */
  record?: string;
  /** The field within the record, e.g. `input_tokens`. */
  field?: string;
}

/** A malformed import file: names the file, line or record, field and reason. Nothing from the file may be stored. */
export class SpendImportError extends ValidationError {
  readonly file: string;
  readonly line: number | undefined;
  readonly record: string | undefined;
  readonly field: string | undefined;
  readonly reason: string;

  constructor(location: ImportLocation, reason: string, cause?: unknown) {
    const where = [location.file, location.line === undefined ? "" : `line ${location.line}`, location.record ?? "", location.field ?? ""]
      .filter((s) => s !== "")
      .join(", ");
    super(`${where}: ${reason}`, [{ path: [location.record, location.field].filter(Boolean).join("."), message: reason }], cause);
    this.name = "SpendImportError";
    this.file = location.file;
    this.line = location.line;
    this.record = location.record;
    this.field = location.field;
    this.reason = reason;
  }
}
