/** An id such as `intl_developed_large_equity` that may wrap after its underscores on a phone. */
import { Fragment } from 'react';

/** `id` with a line-break opportunity after every underscore. */
export function Breakable({ id }: { id: string }) {
  const parts = id.split('_');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 ? (
            <>
              _<wbr />
            </>
          ) : null}
        </Fragment>
      ))}
    </>
  );
}
