import { cloudWatchSourceParts, type UnreadSource } from './cloud-watch-source';

/** Why CloudWatch was not read: the heading in bold with the code of a failed call, then the server's sentence. */
export function CloudWatchSourceText({ source }: { source: UnreadSource }) {
  const { heading, code, message } = cloudWatchSourceParts(source);
  return (
    <>
      {heading !== undefined && (
        <>
          <strong>
            {heading}
            {code !== undefined && (
              <>
                {' '}
                (<span className="font-mono">{code}</span>)
              </>
            )}
            .
          </strong>{' '}
        </>
      )}
      {message}
    </>
  );
}
