'use client';

import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { RolloutFormContext } from '@/lib/api/rollout-views';
import { fleetInstanceCount } from '@/lib/rollout/context';
import type { RolloutForm } from '@/lib/rollout/draft-from-form';
import { formFromConfig } from '@/lib/rollout/draft-from-history';
import { formFromLive, policyFormFrom } from '@/lib/rollout/draft-from-live';
import { formFromPresetLink, formWithPreset } from '@/lib/rollout/draft-from-preset';
import type { PresetId } from '@/lib/rollout/presets';
import type { Endpoint } from '@/lib/schemas/endpoint';
import type { EndpointConfig, EndpointConfigSpec } from '@/lib/schemas/endpoint-config';
import { baseOf, readStoredDraft, writeStoredDraft, type DraftBase, type StoredDraft } from './draft-storage';
import { newRequestId } from './request-id';

type Edited = Omit<StoredDraft, 'requestId'>;

interface DraftState {
  /** Set once the person changes anything; until then the draft follows the live endpoint. */
  edited?: Edited;
  /** The submission's id: kept for a retry of the same draft, new whenever the draft changes. */
  requestId: string;
}

export interface RolloutDraftHandle {
  form: RolloutForm;
  base: DraftBase;
  requestId: string;
  edited: boolean;
  /** Why the preset link the page was opened with could not be used. */
  linkError?: string;
  /** The page was opened with a (good) preset link, but an earlier draft of this tab is shown instead. */
  linkShadowed: boolean;
  update: (change: (form: RolloutForm) => RolloutForm) => void;
  startFrom: (source: 'live' | PresetId) => void;
  loadConfig: (config: Pick<EndpointConfigSpec, 'endpointConfigName' | 'productionVariants'>) => void;
  rebase: (current: { endpoint: Endpoint; liveConfig: EndpointConfig | null }) => void;
  followLink: () => void;
  discard: () => void;
  newRequest: () => void;
  /** Forgets the kept draft for good (after a successful apply). */
  forget: () => void;
}

/**
 * The rollout draft of one endpoint: from this tab's kept draft, else from the page's preset link, else from
 * the live endpoint; kept in sessionStorage from the first edit until it is applied or discarded.
 */
export function useRolloutDraft(
  namespace: string,
  name: string,
  data: RolloutFormContext,
  search: URLSearchParams,
): RolloutDraftHandle {
  const linkSearch = search.toString();
  const [state, setState] = useState<DraftState>(() => {
    const stored = readStoredDraft(namespace, name);
    return stored
      ? { edited: { form: stored.form, base: stored.base, linkSearch: stored.linkSearch }, requestId: stored.requestId }
      : { requestId: newRequestId() };
  });
  const fleet = fleetInstanceCount(data.context);
  const live = useMemo(() => formFromLive(data.endpoint.spec, data.liveConfig, data.context), [data]);
  const fromLink = useMemo(
    () => (linkSearch ? formFromPresetLink(live, new URLSearchParams(linkSearch), fleet) : { form: live }),
    [live, linkSearch, fleet],
  );
  const liveBase = useMemo(() => baseOf(data.endpoint, data.liveConfig), [data]);
  const forgotten = useRef(false);

  useEffect(() => {
    if (forgotten.current) return;
    writeStoredDraft(namespace, name, state.edited ? { ...state.edited, requestId: state.requestId } : undefined);
  }, [namespace, name, state]);

  const startOver = useCallback(
    (): Edited => ({ form: fromLink.form, base: liveBase, linkSearch }),
    [fromLink, liveBase, linkSearch],
  );
  const update = useCallback(
    (change: (form: RolloutForm) => RolloutForm) => {
      const requestId = newRequestId();
      setState((previous) => {
        const edited = previous.edited ?? startOver();
        return { edited: { ...edited, form: change(edited.form) }, requestId };
      });
    },
    [startOver],
  );
  const startFrom = useCallback(
    (source: 'live' | PresetId) =>
      update((form) => {
        if (source !== 'live') return formWithPreset(form, { presetId: source, params: {} }, fleet);
        const { policy, alarms } = policyFormFrom(data.endpoint.spec.deploymentConfig);
        return { ...form, policy, alarms, presetId: undefined };
      }),
    [update, fleet, data.endpoint.spec.deploymentConfig],
  );
  const loadConfig = useCallback(
    (config: Pick<EndpointConfigSpec, 'endpointConfigName' | 'productionVariants'>) =>
      update((form) => formFromConfig(form, config, data.context)),
    [update, data.context],
  );
  // The edits stay; only what they are based on moves, so the requestId (which may have created a config) stays too.
  const rebase = useCallback(
    (current: { endpoint: Endpoint; liveConfig: EndpointConfig | null }) =>
      setState((previous) => ({
        ...previous,
        edited: { ...(previous.edited ?? startOver()), base: baseOf(current.endpoint, current.liveConfig) },
      })),
    [startOver],
  );
  const followLink = useCallback(() => setState({ requestId: newRequestId() }), []);
  const discard = followLink;
  const newRequest = useCallback(() => setState((previous) => ({ ...previous, requestId: newRequestId() })), []);
  const forget = useCallback(() => {
    forgotten.current = true;
    writeStoredDraft(namespace, name, undefined);
  }, [namespace, name]);

  const edited = state.edited;
  return {
    form: edited?.form ?? fromLink.form,
    base: edited?.base ?? liveBase,
    requestId: state.requestId,
    edited: edited !== undefined,
    ...('error' in fromLink && fromLink.error ? { linkError: fromLink.error } : {}),
    linkShadowed:
      edited !== undefined &&
      linkSearch !== '' &&
      edited.linkSearch !== linkSearch &&
      !('error' in fromLink && fromLink.error),
    update,
    startFrom,
    loadConfig,
    rebase,
    followLink,
    discard,
    newRequest,
    forget,
  };
}
