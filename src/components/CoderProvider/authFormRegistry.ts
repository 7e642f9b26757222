import type { CoderTokenStore } from '../../auth/CoderTokenStore';

/*
 * Counts the link forms currently on screen, per app (per token store). The fallback
 * prompt shows only when none is, and only one provider shows it even when several
 * CoderProviders are on the page.
 */

/** The registry of one app. */
export interface AuthFormRegistry {
  subscribe(listener: () => void): () => void;
  getVersion(): number;
  formCount(): number;
  isLeader(provider: symbol): boolean;
  /** Returns the function that removes the form again. */
  addForm(): () => void;
  /** Returns the function that removes the provider again. */
  addProvider(provider: symbol): () => void;
}

const registries = new WeakMap<CoderTokenStore, AuthFormRegistry>();

export function getAuthFormRegistry(
  tokenStore: CoderTokenStore,
): AuthFormRegistry {
  let registry = registries.get(tokenStore);
  if (!registry) {
    registry = createRegistry();
    registries.set(tokenStore, registry);
  }
  return registry;
}

function createRegistry(): AuthFormRegistry {
  let forms = 0;
  let providers: symbol[] = [];
  let version = 0;
  const listeners = new Set<() => void>();
  const changed = () => {
    version += 1;
    listeners.forEach(listener => listener());
  };
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getVersion: () => version,
    formCount: () => forms,
    isLeader: provider => providers[0] === provider,
    addForm() {
      forms += 1;
      changed();
      return () => {
        forms -= 1;
        changed();
      };
    },
    addProvider(provider) {
      providers.push(provider);
      changed();
      return () => {
        providers = providers.filter(other => other !== provider);
        changed();
      };
    },
  };
}
