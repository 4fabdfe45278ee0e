"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * A sideways-scrolling box for wide content (tables on a phone). It is a labelled region that
 * takes keyboard focus, so arrow keys scroll it (axe `scrollable-region-focusable`), and while
 * something is out of view it says so: a line of text and a fade on the clipped edge.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [clipped, setClipped] = useState({ start: false, end: false });

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const max = element.scrollWidth - element.clientWidth;
      setClipped({ start: element.scrollLeft > 1, end: max - element.scrollLeft > 1 });
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener("scroll", measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener("scroll", measure);
    };
  }, []);

  const isScrollable = clipped.start || clipped.end;
  return (
    <div className="relative">
      {isScrollable && (
        <p className="flex items-center justify-end gap-1 px-5 pt-2 text-xs text-slate-600" aria-hidden="true">
          Scroll sideways for more <span>{clipped.end ? "→" : "←"}</span>
        </p>
      )}
      <div
        ref={ref}
        role="region"
        aria-label={label}
        tabIndex={0}
        // Positioned, so visually hidden text (absolutely placed) far right in a wide table is
        // clipped here too, instead of widening the page.
        className="relative overflow-x-auto focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
      >
        {children}
      </div>
      {clipped.end && <div aria-hidden="true" className="pointer-events-none absolute top-0 right-0 bottom-0 w-8 bg-gradient-to-l from-white to-transparent" />}
      {clipped.start && <div aria-hidden="true" className="pointer-events-none absolute top-0 bottom-0 left-0 w-8 bg-gradient-to-r from-white to-transparent" />}
    </div>
  );
}
