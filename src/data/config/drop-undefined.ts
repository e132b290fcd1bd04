/**
 * zod infers optional fields as `key?: T | undefined`; the domain types, under
 * `exactOptionalPropertyTypes`, want `key?: T`. This removes the undefined-valued keys and
 * narrows the type accordingly.
 */

/** `T` with every key whose type admits `undefined` made optional and `undefined`-free. */
export type DropUndefined<T> = {
  [K in keyof T as undefined extends T[K] ? never : K]: T[K];
} & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** A shallow copy of `value` without the keys whose value is `undefined`. */
export function dropUndefined<T extends object>(value: T): DropUndefined<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as DropUndefined<T>;
}
