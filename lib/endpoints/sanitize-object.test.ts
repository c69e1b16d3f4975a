import { describe, expect, it } from 'vitest';
import {
  lastAppliedAnnotation,
  looksSecret,
  redactEnvironment,
  redactedValue,
  sanitizeObject,
} from './sanitize-object';

const model = {
  apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
  kind: 'Model',
  metadata: {
    name: 'pricing-model-v2',
    namespace: 'team-a',
    annotations: {
      [lastAppliedAnnotation]: '{"spec":{"primaryContainer":{"environment":{"HF_TOKEN":"hf_abc"}}}}',
      'team.example.com/owner': 'pricing',
    },
    managedFields: [{ manager: 'kubectl', operation: 'Apply', fieldsV1: { 'f:spec': {} } }],
    finalizers: ['finalizers.sagemaker.services.k8s.aws/Model'],
  },
  spec: {
    modelName: 'pricing-model-v2',
    executionRoleARN: 'arn:aws:iam::123456789012:role/sagemaker',
    primaryContainer: {
      image: '123456789012.dkr.ecr.us-west-2.amazonaws.com/pricing:2.0',
      environment: {
        SAGEMAKER_PROGRAM: 'inference.py',
        HF_TOKEN: 'hf_abc',
        DB_PASSWORD: 'hunter2',
        AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
        AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
        TLS_KEY_PEM: '-----BEGIN RSA PRIVATE KEY-----\nMIIE...\n-----END RSA PRIVATE KEY-----',
        TOKEN_VALID: 'yes',
        API_SECRET_NAME: 'pricing-api',
      },
      imageConfig: {
        repositoryAccessMode: 'Vpc',
        repositoryAuthConfig: {
          repositoryCredentialsProviderARN: 'arn:aws:lambda:us-west-2:123456789012:function:creds',
        },
      },
    },
    extraEnv: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'GITHUB_TOKEN', value: 'ghp_x' },
    ],
  },
  status: { conditions: [{ type: 'ACK.ResourceSynced', status: 'True' }] },
};

describe('sanitizeObject', () => {
  const clean = sanitizeObject(model) as typeof model;

  it('drops managedFields and the last-applied annotation but keeps the other metadata', () => {
    expect(clean.metadata).toEqual({
      name: 'pricing-model-v2',
      namespace: 'team-a',
      annotations: { 'team.example.com/owner': 'pricing' },
      finalizers: ['finalizers.sagemaker.services.k8s.aws/Model'],
    });
  });

  it('drops the annotations key when the last-applied annotation was the only one', () => {
    const only = sanitizeObject({ metadata: { name: 'x', annotations: { [lastAppliedAnnotation]: '{}' } } });
    expect(only).toEqual({ metadata: { name: 'x' } });
  });

  it('keeps every container environment name but no value, whatever the name', () => {
    expect(clean.spec.primaryContainer.environment).toEqual(
      Object.fromEntries(Object.keys(model.spec.primaryContainer.environment).map((name) => [name, redactedValue])),
    );
  });

  it('drops credentials by name at any depth, and values that are credentials whatever their name', () => {
    expect(clean.spec.extraEnv).toEqual([{ name: 'LOG_LEVEL', value: 'info' }]);
    expect(JSON.stringify(clean)).not.toMatch(/hf_abc|hunter2|EXAMPLEKEY|AKIA|PRIVATE KEY|ghp_x/);
  });

  it('keeps identifiers of secrets, images, roles and status', () => {
    expect(clean.spec.primaryContainer.imageConfig).toEqual(model.spec.primaryContainer.imageConfig);
    expect(clean.spec.executionRoleARN).toBe(model.spec.executionRoleARN);
    expect(clean.spec.primaryContainer.image).toBe(model.spec.primaryContainer.image);
    expect(clean.status).toEqual(model.status);
  });

  it('does not change its input', () => {
    const before = structuredClone(model);
    sanitizeObject(model);
    expect(model).toEqual(before);
  });
});

describe('redactEnvironment', () => {
  const containers = {
    spec: {
      primaryContainer: { image: 'a', environment: { HF_TOKEN: 'canary-value', MODEL_ID: 'm' } },
      containers: [{ image: 'b', environment: { KEY: 'v' } }, { image: 'c' }],
    },
  };

  it('replaces every environment value at any depth and keeps the names', () => {
    const redacted = redactEnvironment(containers);
    expect(redacted.spec.primaryContainer.environment).toEqual({ HF_TOKEN: redactedValue, MODEL_ID: redactedValue });
    expect(redacted.spec.containers[0]!.environment).toEqual({ KEY: redactedValue });
    expect(JSON.stringify(redacted)).not.toMatch(/canary-value|"m"|"v"/);
  });

  it('returns the parts without an environment as they were and does not change its input', () => {
    const before = structuredClone(containers);
    const redacted = redactEnvironment(containers);
    expect(containers).toEqual(before);
    expect(redacted.spec.containers[1]).toBe(containers.spec.containers[1]);
    const plain = { metadata: { name: 'x' }, spec: { endpointName: 'x' } };
    expect(redactEnvironment(plain)).toBe(plain);
  });
});

describe('looksSecret', () => {
  it.each([
    'password',
    'dbPassword',
    'HF_TOKEN',
    'clientSecret',
    'apiKey',
    'API_KEY',
    'privateKey',
    'credentials',
    'AWS_SESSION_TOKEN',
    'TOKEN_VALID',
  ])('%s looks secret', (key) => {
    expect(looksSecret(key)).toBe(true);
  });

  it.each([
    'kmsKeyID',
    'secretName',
    'tokenRef',
    'repositoryCredentialsProviderARN',
    'AWS_ACCESS_KEY_ID',
    'image',
    'modelDataURL',
    'endpointName',
  ])('%s does not', (key) => {
    expect(looksSecret(key)).toBe(false);
  });
});
