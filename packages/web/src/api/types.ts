/** Shapes of list responses of the caio API. */
export interface ListResponse<T> {
  items: T[];
  total: number;
}

export interface ItemsResponse<T> {
  items: T[];
}

export interface AuditPage<T> {
  items: T[];
  nextBefore: number | null;
}
