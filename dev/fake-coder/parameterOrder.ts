import type { TemplateVersionParameterRecord } from './records';

/**
 * GetTemplateVersionParameters' order: `display_order`, then `lower(name)`
 * (coderd/database/queries/templateversionparameters.sql). Builds resolve
 * parameters in this order too.
 */
export function byDisplayOrder(
  parameters: TemplateVersionParameterRecord[],
): TemplateVersionParameterRecord[] {
  return [...parameters].sort((left, right) => {
    if (left.displayOrder !== right.displayOrder)
      return left.displayOrder - right.displayOrder;
    const leftName = left.name.toLowerCase();
    const rightName = right.name.toLowerCase();
    if (leftName === rightName) return 0;
    return leftName < rightName ? -1 : 1;
  });
}
