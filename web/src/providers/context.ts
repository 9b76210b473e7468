import { createContext, useContext, type Context } from "solid-js";

/**
 * A context whose hook throws a clear error when used outside its provider, instead of
 * handing `undefined` to code that would fail later and far away.
 */
export function createStrictContext<T>(name: string): [Context<T | undefined>, () => T] {
  const context = createContext<T>();
  function use(): T {
    const value = useContext(context);
    if (value === undefined)
      throw new Error(`use${name}() was called outside <${name}Provider>: wrap the app (or the test) in <${name}Provider>.`);
    return value;
  }
  return [context, use];
}
