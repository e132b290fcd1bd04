/**
 * The state of the Location page: the editor's text and example, and one call of the
 * synchronous `POST /api/v1/location` with `{ accounts: { text, name: 'accounts' } }` (a solve
 * takes milliseconds, so no run queue): its document once it answered, or the API's error to
 * show under the editor with the field it names.
 */
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { api, ApiError, unwrap } from '../../api/client.ts';
import type { AssetLocationDocument } from '../../api/documents.ts';
import type { ConfigEditorProps } from '../../components/config-editor.tsx';
import { LOCATION_EXAMPLES } from './location-examples.ts';

/** The name the editor's text is cited by in the API's messages. */
export const ACCOUNTS_NAME = 'accounts';

/** POST /api/v1/location with the accounts file `text`. */
function placeAccounts(text: string): Promise<AssetLocationDocument> {
  return unwrap<AssetLocationDocument>(
    api.POST('/api/v1/location', { body: { accounts: { text, name: ACCOUNTS_NAME } } }),
  );
}

/** The error of a call as an {@link ApiError}, or null. */
function asApiError(error: unknown): ApiError | null {
  if (error === null || error === undefined) return null;
  return error instanceof ApiError
    ? error
    : new ApiError('NETWORK', error instanceof Error ? error.message : 'The request failed.', {
        status: 0,
        details: {},
      });
}

/** The page's state (module comment). */
export function useLocationRun() {
  const first = LOCATION_EXAMPLES[0]!;
  const [example, setExample] = useState(first.key);
  const [text, setText] = useState(first.yaml);
  const place = useMutation({ mutationFn: placeAccounts });
  const loadExample = (key: string): void => {
    const chosen = LOCATION_EXAMPLES.find((x) => x.key === key) ?? first;
    setExample(chosen.key);
    setText(chosen.yaml);
  };
  return {
    document: place.data,
    pending: place.isPending,
    failed: place.isError,
    editor: {
      text,
      example,
      onText: setText,
      onExample: loadExample,
      onRun: () => place.mutate(text),
      busy: place.isPending,
      error: asApiError(place.error),
    } satisfies ConfigEditorProps,
  };
}
