/** Version of the scanner and its catalogue, reported as ScanResult.tool.version. */
export const SCANNER_VERSION = "0.1.0";
