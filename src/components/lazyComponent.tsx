import {
  lazy,
  Suspense,
  type ComponentType,
  type JSX,
  type ReactNode,
} from 'react';

/**
 * A component whose code loads on first render, so it costs an entity page nothing until
 * someone needs it (a dialog, a menu, the link form of a first visit).
 */
export function lazyComponent<TProps extends JSX.IntrinsicAttributes>(
  load: () => Promise<ComponentType<TProps>>,
  fallback: ReactNode = null,
): (props: TProps) => JSX.Element {
  const Lazy = lazy(() => load().then(component => ({ default: component })));
  return function LazyComponent(props: TProps) {
    return (
      <Suspense fallback={fallback}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
