// The authorship admission policy (deploy/admission/fleetdeck-authorship.yaml) on the real API server: an
// EndpointConfig's `fleetdeck.io/created-by` must name the requesting user, the controller's own writes still
// pass, a rollout through Fleetdeck still succeeds, and its history entries come back verified.
import { randomUUID } from 'node:crypto';
import {
  AdmissionregistrationV1Api,
  ApiException,
  PatchStrategy,
  RbacAuthorizationV1Api,
  setHeaderOptions,
} from '@kubernetes/client-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolloutFormContextSchema, type RolloutFormContext } from '@/lib/api/rollout-views';
import { rolloutAnnotations } from '@/lib/rollout/history';
import type { Endpoint } from '@/lib/schemas/endpoint';
import { call, configureServer, ORIGIN, signIn } from '../support/api-client';
import { statusOf } from '../support/api-errors';
import { customObjectsAs, kubeConfigAs } from '../support/control-plane';
import { coordinates } from '../support/sagemaker-objects';
import { SimWorld } from '../support/sagemaker-world';
import type { TestUser } from '../support/test-users';

configureServer();
const rollout = await import('@/app/api/endpoints/[namespace]/[name]/rollout/route');
const me = await import('@/app/api/me/route');
const session = await import('@/app/api/session/route');

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const POLICY = 'fleetdeck-authorship';
let world: SimWorld;
let mlEng: { cookie: string; csrf: string };

beforeAll(async () => {
  world = await SimWorld.start('authorship');
  await kubeConfigAs('admin')
    .makeApiClient(RbacAuthorizationV1Api)
    .createNamespacedRoleBinding({
      namespace: world.namespace,
      body: {
        metadata: { name: 'ml-eng-deployer' },
        roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'fleetdeck-deployer' },
        subjects: [{ apiGroup: 'rbac.authorization.k8s.io', kind: 'User', name: 'ml-eng' }],
      },
    });
  mlEng = await signIn({ session: session.POST, me: me.GET }, 'ml-eng');
  await world.createModel('auth-model');
}, 120_000);
afterAll(() => world?.stop());

function configBody(name: string, createdBy?: string) {
  return {
    apiVersion: 'sagemaker.services.k8s.aws/v1alpha1',
    kind: 'EndpointConfig',
    metadata: { name, ...(createdBy ? { annotations: { [rolloutAnnotations.createdBy]: createdBy } } : {}) },
    spec: {
      endpointConfigName: name,
      productionVariants: [
        { variantName: 'primary', modelName: 'auth-model', instanceType: 'ml.c5.large', initialInstanceCount: 1 },
      ],
    },
  };
}

const createAs = (user: TestUser, name: string, createdBy?: string) =>
  customObjectsAs(user).createNamespacedCustomObject({
    ...coordinates('EndpointConfig', world.namespace),
    body: configBody(name, createdBy),
  });

describe('the API server', () => {
  it('serves admissionregistration.k8s.io/v1 ValidatingAdmissionPolicy, and the harness installed the policy', async () => {
    const admission = kubeConfigAs('admin').makeApiClient(AdmissionregistrationV1Api);
    const policy = await admission.readValidatingAdmissionPolicy({ name: POLICY });
    expect(policy.spec?.validations?.length).toBeGreaterThan(0);
    const binding = await admission.readValidatingAdmissionPolicyBinding({ name: POLICY });
    expect(binding.spec).toMatchObject({ policyName: POLICY, validationActions: ['Deny'] });
  });

  it("lets Fleetdeck's own identity get that one policy by name, and nothing more", async () => {
    const admission = kubeConfigAs('fleetdeck-server').makeApiClient(AdmissionregistrationV1Api);
    expect((await admission.readValidatingAdmissionPolicy({ name: POLICY })).metadata?.name).toBe(POLICY);
    expect(await statusOf(admission.listValidatingAdmissionPolicy())).toBe(403);
    expect(await statusOf(admission.deleteValidatingAdmissionPolicy({ name: POLICY }))).toBe(403);
  });
});

describe('creating an EndpointConfig as ml-eng', () => {
  it('is refused when created-by names someone else (oncall), with the policy message', async () => {
    try {
      await createAs('ml-eng', 'auth-forged', 'oncall');
      expect.unreachable('the forged create was accepted');
    } catch (error) {
      if (!(error instanceof ApiException)) throw error;
      expect([403, 422]).toContain(error.code);
      expect(String(error.body)).toContain(POLICY);
      expect(String(error.body)).toContain('fleetdeck.io/created-by must name the requesting user (ml-eng)');
    }
    expect(
      await statusOf(
        customObjectsAs('admin').getNamespacedCustomObject({
          ...coordinates('EndpointConfig', world.namespace),
          name: 'auth-forged',
        }),
      ),
    ).toBe(404);
  });

  it('is accepted when created-by names ml-eng', async () => {
    const created = await createAs('ml-eng', 'auth-own', 'ml-eng');
    expect(created.metadata.annotations[rolloutAnnotations.createdBy]).toBe('ml-eng');
  });

  it('is accepted without the annotation', async () => {
    const created = await createAs('ml-eng', 'auth-plain');
    expect(created.metadata.annotations?.[rolloutAnnotations.createdBy]).toBeUndefined();
  });
});

describe("the controller's own writes", () => {
  it('add its finalizer and status to an annotated config, and a later metadata patch of its own passes', async () => {
    await createAs('ml-eng', 'auth-ctl', 'ml-eng');
    const synced = await world.waitFor(
      () => world.get('EndpointConfig', 'auth-ctl'),
      (config) =>
        config?.metadata.finalizers?.includes('finalizers.sagemaker.services.k8s.aws/EndpointConfig') === true &&
        config?.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready') === true,
      'the controller to take the annotated config',
    );
    expect(synced!.metadata.annotations[rolloutAnnotations.createdBy]).toBe('ml-eng');
    const patched = await customObjectsAs('sagemaker-simulator').patchNamespacedCustomObject(
      {
        ...coordinates('EndpointConfig', world.namespace),
        name: 'auth-ctl',
        body: { metadata: { annotations: { 'services.k8s.aws/touched': 'yes' } } },
      },
      mergePatch,
    );
    expect(patched.metadata.annotations).toMatchObject({
      [rolloutAnnotations.createdBy]: 'ml-eng',
      'services.k8s.aws/touched': 'yes',
    });
  });

  it('may not rewrite the author to someone else', async () => {
    const rewrite = customObjectsAs('sagemaker-simulator').patchNamespacedCustomObject(
      {
        ...coordinates('EndpointConfig', world.namespace),
        name: 'auth-own',
        body: { metadata: { annotations: { [rolloutAnnotations.createdBy]: 'oncall' } } },
      },
      mergePatch,
    );
    expect([403, 422]).toContain(await statusOf(rewrite));
  });
});

describe('a rollout through Fleetdeck', () => {
  const NAME = 'auth-ep';
  const path = () => `/api/endpoints/${world.namespace}/${NAME}/rollout`;
  const params = () => ({ namespace: world.namespace, name: NAME });

  async function context(ready: (read: RolloutFormContext) => boolean, what: string) {
    const read = await world.waitFor(
      async () => {
        const response = await call(rollout.GET, { path: path(), params: params(), headers: { cookie: mlEng.cookie } });
        if (response.status === 503) return undefined;
        expect(response.status).toBe(200);
        return rolloutFormContextSchema.parse(await response.json());
      },
      (each) => each !== undefined && ready(each),
      what,
      30_000,
    );
    return read!;
  }

  it('still succeeds, and its history entry is verified while the policy is installed', async () => {
    await world.inServiceEndpoint(NAME, [{ name: 'primary', count: 1 }]);
    await world.createModel('auth-model-v2');
    const endpoint: Endpoint = await world.endpoint(NAME);
    const response = await call(rollout.POST, {
      method: 'POST',
      path: path(),
      params: params(),
      headers: { cookie: mlEng.cookie, origin: ORIGIN, 'x-fleetdeck-csrf': mlEng.csrf },
      body: {
        mode: 'apply',
        baseGeneration: endpoint.metadata.generation,
        baseResourceVersion: endpoint.metadata.resourceVersion,
        requestId: randomUUID(),
        draft: {
          baseConfigName: endpoint.spec.endpointConfigName,
          variants: [
            {
              variantName: 'primary',
              modelName: 'auth-model-v2',
              instanceType: 'ml.c5.large',
              initialInstanceCount: 1,
            },
          ],
          reason: 'authorship',
        },
      },
    });
    const body = (await response.json()) as { configName: string; outcome: string };
    expect(response.status, JSON.stringify(body)).toBe(200);
    expect(body.outcome).toBe('applied');

    const read = await context(
      (each) => each.history.some((entry) => entry.configName === body.configName),
      'the rollout in the history',
    );
    const entry = read.history.find((each) => each.configName === body.configName)!;
    expect(entry).toMatchObject({ createdBy: 'ml-eng', authorVerified: true });
  });
});
