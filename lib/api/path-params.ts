import { z } from 'zod';

// Kubernetes naming rules: a namespace is a DNS-1123 label; object names here are DNS-1123 subdomains.
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export const namespaceSchema = z
  .string()
  .max(63)
  .regex(LABEL, 'must be a DNS-1123 label (lower-case letters, digits and -)');
export const objectNameSchema = z
  .string()
  .max(253)
  .regex(SUBDOMAIN, 'must be a DNS-1123 name (lower-case letters, digits, - and .)');

export const endpointPathSchema = z.strictObject({ namespace: namespaceSchema, name: objectNameSchema });
