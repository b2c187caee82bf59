import type { ReactNode } from "react";
import { PageHeader } from "./PageHeader";
import { QueryState } from "./QueryState";

interface Props<T> {
  query: { data: T | undefined; error: unknown; isPending: boolean; isError: boolean; refetch: () => unknown };
  label: string;
  /** The heading while loading or after a failure ("AI system"); the loaded page renders its own. */
  title: string;
  back: { to: string; label: string };
  children: (data: T) => ReactNode;
}

/** A detail page's query: until its data is there the page still has its h1 and a way back. */
export function PageQueryState<T>({ query, label, title, back, children }: Props<T>) {
  if (query.data !== undefined) return <>{children(query.data)}</>;
  return (
    <>
      <PageHeader title={title} back={back} />
      <QueryState query={query} label={label}>
        {() => null}
      </QueryState>
    </>
  );
}
