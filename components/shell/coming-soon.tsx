import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import type { IconName } from "@/components/ui/icon";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "./page-header";

export type ComingSoonProps = {
  title: string;
  description: string;
  icon: IconName;
  /** What will appear on this page once the feature ships. */
  next: string;
  /** Optional bullet list of what the page will hold. */
  highlights?: string[];
  action?: ReactNode;
};

/** A page whose feature has not shipped yet: says plainly what will be there. */
export function ComingSoon({ title, description, icon, next, highlights = [], action }: ComingSoonProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <EmptyState icon={icon} title="Coming soon" action={action}>
        <p>{next}</p>
        {highlights.length > 0 && (
          <ul className="mt-4 flex flex-wrap justify-center gap-2">
            {highlights.map((highlight) => (
              <li key={highlight}>
                <Badge>{highlight}</Badge>
              </li>
            ))}
          </ul>
        )}
      </EmptyState>
    </>
  );
}
