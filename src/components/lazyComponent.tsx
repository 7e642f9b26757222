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
export function lazyComponent<TProps extends object>(
  load: () => Promise<ComponentType<TProps>>,
  fallback: ReactNode = null,
): (props: TProps) => JSX.Element {
  const Lazy = lazy(() => load().then(component => ({ default: component })));
  return function LazyComponent(props: TProps) {
    // React's lazy() widens props with IntrinsicAttributes; TProps is what it renders.
    const LazyWithProps = Lazy as unknown as ComponentType<TProps>;
    return (
      <Suspense fallback={fallback}>
        <LazyWithProps {...props} />
      </Suspense>
    );
  };
}
