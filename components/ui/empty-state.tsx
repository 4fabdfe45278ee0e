import type { ReactNode } from "react";
import { Icon, type IconName } from "./icon";

export type EmptyStateProps = {
  title: string;
  children?: ReactNode;
  icon?: IconName;
  /** A next step, e.g. a link to where data comes from. */
  action?: ReactNode;
  /** Inside a card the dashed border would double up. */
  bordered?: boolean;
};

/** Says what will appear here and why it is empty, instead of a blank area. */
export function EmptyState({ title, children, icon = "inbox", action, bordered = true }: EmptyStateProps) {
  return (
    <div
      className={`flex flex-col items-center px-6 py-12 text-center ${bordered ? "rounded-xl border border-dashed border-slate-300 bg-white" : ""}`}
    >
      <span className="mb-4 flex size-11 items-center justify-center rounded-full bg-slate-100 text-slate-600">
        <Icon name={icon} />
      </span>
      <p className="text-sm font-semibold text-slate-900">{title}</p>
      {children && <div className="mt-1 max-w-md text-sm leading-6 text-slate-600">{children}</div>}
      {action && <div className="mt-5">{action}</div>}
    </div>
  );
}
