import { PluginWrapperBlueprint } from '@backstage/frontend-plugin-api';

/**
 * Puts every Coder extension (card, page) inside a CoderProvider, as the classic
 * README's App.tsx wrapper does. Providers share one account link and one request
 * cache through the token store API, so one per extension costs nothing extra.
 *
 * @alpha
 */
export const coderPluginWrapper = PluginWrapperBlueprint.make({
  params: defineParams =>
    defineParams({
      loader: async () => {
        const { CoderProvider } = await import('../lazyParts');
        return {
          component: ({ children }) => (
            <CoderProvider>{children}</CoderProvider>
          ),
        };
      },
    }),
});
