import { ErrorState, LoadingState } from './load-state';

/** A page's heading with the fleet still loading, or the reason it could not be read. */
export function PageLoading({ title, error }: { title: string; error: Error | null }) {
  return (
    <div className="space-y-3">
      <h1 className="text-xl font-semibold">{title}</h1>
      {error ? (
        <ErrorState title="The fleet could not be read." message={error.message} />
      ) : (
        <LoadingState>Loading the fleet…</LoadingState>
      )}
    </div>
  );
}
