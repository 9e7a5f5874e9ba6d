import { defaultResource, resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ResolvedConfig } from '../config/resolve.js';

/**
 * The SDK's default resource, then `OTEL_RESOURCE_ATTRIBUTES` and code
 * attributes, then the service name, later entries winning as the
 * specification orders them.
 */
export function buildResource(config: ResolvedConfig): Resource {
  const attributes: Record<string, string | number | boolean> = { ...config.resourceAttributes };
  if (config.serviceName !== undefined) attributes['service.name'] = config.serviceName;
  return defaultResource().merge(resourceFromAttributes(attributes));
}
