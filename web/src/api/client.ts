/**
 * The dashboard's only way to the server: an openapi-fetch client typed by the routes' own
 * OpenAPI document (`schema.gen.ts`, `npm run gen:client`). Every call goes through
 * {@link unwrap}, which turns the API's `{ code, message, details }` errors into {@link ApiError}
 * so panels can show the message and forms the field (`details.field`). An API key, when the
 * server requires one, is kept in localStorage and sent as `Authorization: Bearer`.
 */
import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.gen.ts';

export type { paths };

/** An error answered by the API (or a network failure, code `NETWORK`). */
export class ApiError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    options: { status: number; details?: Record<string, unknown> },
  ) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = options.status;
    this.details = options.details ?? {};
  }

  /** The input field the error names (`details.field`), when it names one. */
  get field(): string | undefined {
    const field = this.details['field'];
    return typeof field === 'string' ? field : undefined;
  }
}

const KEY_STORAGE = 'ballast.apiKey';

/** The API key this browser sends (localStorage), if any. */
export const apiKey = {
  get: (): string | null => globalThis.localStorage?.getItem(KEY_STORAGE) ?? null,
  set: (key: string): void => globalThis.localStorage?.setItem(KEY_STORAGE, key.trim()),
  clear: (): void => globalThis.localStorage?.removeItem(KEY_STORAGE),
};

const bearer: Middleware = {
  onRequest({ request }) {
    const key = apiKey.get();
    if (key) request.headers.set('authorization', `Bearer ${key}`);
    return request;
  },
};

/** The typed client (same origin). */
export const api = createClient<paths>({ baseUrl: globalThis.location?.origin ?? '' });
api.use(bearer);

interface ErrorBody {
  code?: unknown;
  message?: unknown;
  details?: unknown;
}

/** An {@link ApiError} from a failed response's body (or its status when the body is not ours). */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (typeof body === 'object' && body !== null ? body : {}) as ErrorBody;
  const code = typeof b.code === 'string' ? b.code : `HTTP_${status}`;
  const message = typeof b.message === 'string' ? b.message : `The server answered ${status}.`;
  const details =
    typeof b.details === 'object' && b.details !== null
      ? (b.details as Record<string, unknown>)
      : {};
  return new ApiError(code, message, { status, details });
}

/**
 * The data of a call as the document type `T` (`documents.ts`), or its error thrown as an
 * {@link ApiError}. An empty body (204) is undefined.
 */
export async function unwrap<T>(
  call: Promise<{ data?: unknown; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: unknown; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw new ApiError('NETWORK', `The server could not be reached (${String(error)}).`, {
      status: 0,
    });
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error);
  return result.data as T;
}
