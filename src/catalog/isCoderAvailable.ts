import type { Entity } from '@backstage/catalog-model';
import { CODER_ANNOTATIONS } from './entityCoderConfig';

/**
 * True when the entity opts into Coder: it has a `coder.com/*` annotation or a
 * `spec.coder` block. Use with `EntitySwitch` to show the card only there.
 *
 * @public
 */
export function isCoderAvailable(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return (
    Object.values(CODER_ANNOTATIONS).some(name => name in annotations) ||
    (typeof entity.spec?.coder === 'object' && entity.spec.coder !== null)
  );
}
