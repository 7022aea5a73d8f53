import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * One view of the options page: a region named by its heading. The heading takes focus when the
 * view appears (a nav click, a hash change, the page opening unlocked), so a screen reader says
 * where the person is and Tab goes on from the top of the view.
 */
export function View({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A field that already has focus (the page opened on a form) keeps it.
    const active = document.activeElement;
    if (active && active !== document.body && active.closest('form')) return;
    heading.current?.focus();
  }, []);
  return (
    <section className="view" aria-labelledby={id}>
      <h2 id={id} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/** What a view shows when it has nothing yet: what goes here and how it gets there. */
export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <p className="empty">
      {children}
    </p>
  );
}
