import { Callout } from './callout';

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
    <Callout tone="error" role="alert" data-testid="load-error">
      <strong>{title}</strong> {message}
    </Callout>
  );
}
