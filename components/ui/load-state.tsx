/** A read under way; announced politely. */
export function LoadingState({ children }: { children: string }) {
  return (
    <p role="status" data-testid="loading" className="text-slate-600 dark:text-slate-300">
      {children}
    </p>
  );
}

/** A refresh that failed while the page keeps what it read before; nothing when there is no error. */
export function RefreshFailed({ subject, error }: { subject: string; error: Error | null }) {
  if (!error) return null;
  return <ErrorState title={`Could not refresh ${subject}; showing what was last read.`} message={error.message} />;
}

/** A read that failed, with the server's message (text only). */
export function ErrorState({ title, message }: { title: string; message: string }) {
  return (
    <div
      role="alert"
      data-testid="load-error"
      className="rounded border border-red-400 bg-red-50 p-3 text-red-950 dark:bg-red-950 dark:text-red-100"
    >
      <strong>{title}</strong> {message}
    </div>
  );
}
