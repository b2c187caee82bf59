// Output formats for scan results (table, JSON, CycloneDX 1.6, SARIF 2.1.0).
export {};
