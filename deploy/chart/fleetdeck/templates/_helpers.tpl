{{/* The chart's name, at most 63 characters (a label value). */}}
{{- define "fleetdeck.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* The release's objects' name: the release name, with the chart's name unless the release already holds it. */}}
{{- define "fleetdeck.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "fleetdeck.selectorLabels" -}}
app.kubernetes.io/name: {{ include "fleetdeck.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "fleetdeck.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "fleetdeck.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "fleetdeck.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "fleetdeck.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "fleetdeck.image" -}}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}
{{- end }}

{{/* The Service's in-cluster name: the probes send it as Host, so the server always answers to it. */}}
{{- define "fleetdeck.serviceHost" -}}
{{- printf "%s.%s.svc" (include "fleetdeck.fullname" .) .Release.Namespace }}
{{- end }}

{{/* FLEETDECK_ALLOWED_HOSTS: the configured names, the ingress hosts and the Service's name, each once. */}}
{{- define "fleetdeck.allowedHosts" -}}
{{- $hosts := list }}
{{- range .Values.allowedHosts }}{{ $hosts = append $hosts . }}{{ end }}
{{- if .Values.ingress.enabled }}
{{- range .Values.ingress.hosts }}{{ if .host }}{{ $hosts = append $hosts .host }}{{ end }}{{ end }}
{{- end }}
{{- $hosts = append $hosts (include "fleetdeck.serviceHost" .) }}
{{- $hosts | uniq | join "," }}
{{- end }}

{{/*
The chart's own Secret holds every secret given as a value; a secret given as an existing Secret is read from
there. Each of these takes a dict of the value's settings and the default Secret name.
*/}}
{{- define "fleetdeck.secretName" -}}
{{- if .secret.existingSecret }}{{ .secret.existingSecret }}{{ else }}{{ .ownSecret }}{{ end }}
{{- end }}

{{- define "fleetdeck.secretKey" -}}
{{- if .secret.existingSecret }}{{ .secret.existingSecretKey }}{{ else }}{{ .ownKey }}{{ end }}
{{- end }}

{{/* Whether the chart creates its own Secret: some secret is given as a value. */}}
{{- define "fleetdeck.ownSecretData" -}}
{{- if and .Values.sessionSecret.value (not .Values.sessionSecret.existingSecret) }}
session-secret: {{ .Values.sessionSecret.value | b64enc | quote }}
{{- end }}
{{- if and (eq .Values.authMode "proxy") .Values.proxy.secret.value (not .Values.proxy.secret.existingSecret) }}
proxy-secret: {{ .Values.proxy.secret.value | b64enc | quote }}
{{- end }}
{{- if and (eq .Values.authMode "oidc") .Values.oidc.clientSecret.value (not .Values.oidc.clientSecret.existingSecret) }}
oidc-client-secret: {{ .Values.oidc.clientSecret.value | b64enc | quote }}
{{- end }}
{{- if and .Values.metrics.token.value (not .Values.metrics.token.existingSecret) }}
metrics-token: {{ .Values.metrics.token.value | b64enc | quote }}
{{- end }}
{{- end }}

{{/* A secret setting's env entry, from the chart's Secret or an existing one. */}}
{{- define "fleetdeck.secretEnv" -}}
- name: {{ .env }}
  valueFrom:
    secretKeyRef:
      name: {{ include "fleetdeck.secretName" . }}
      key: {{ include "fleetdeck.secretKey" . }}
{{- end }}
