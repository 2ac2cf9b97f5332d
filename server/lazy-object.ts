import "server-only";

/**
 * An object that stands for `create()`'s result and calls `create()` on first property access, once.
 *
 * Why a stand-in rather than a getter function: `env` and `db` are imported by name all over
 * `server/` (`env.appUrl`, `db.project.findMany(…)`). Keeping those names and call sites means
 * importing a module does no work (no settings read, no pool opened) without touching every caller.
 */
export function lazyObject<T extends object>(create: () => T): T {
  let instance: T | undefined;
  const target = (): T => {
    instance ??= create();
    return instance;
  };
  return new Proxy({} as T, {
    get(_, key) {
      const object = target();
      const value: unknown = Reflect.get(object, key, object);
      // Methods run against the real object: Prisma's client keeps state in private fields,
      // which a call through the stand-in (`this` = the proxy) could not reach.
      return typeof value === "function" ? value.bind(object) : value;
    },
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(target(), key);
      // A proxy may only report a property as configurable=false if its own target has it.
      return descriptor && { ...descriptor, configurable: true };
    },
    set: (_, key, value) => Reflect.set(target(), key, value),
  });
}
