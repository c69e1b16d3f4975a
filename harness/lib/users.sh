# The static token users of the local control plane. Sourced.
# shellcheck shell=bash

# name|groups. Rights come from deploy/rbac and harness/manifests, bound by user name.
HARNESS_USERS=(
  "admin|system:masters"
  "ml-eng|"
  "oncall|"
  "outsider|"
  "fleetdeck-server|"
  "fleetdeck-server-proxy|"
  "sagemaker-simulator|"
)

# Writes the token file the API server reads, with fresh random tokens per run.
write_token_file() {
  local file="$1" entry name groups token
  : > "$file"
  chmod 600 "$file"
  for entry in "${HARNESS_USERS[@]}"; do
    name="${entry%%|*}"; groups="${entry#*|}"
    token="$(openssl rand -hex 24)"
    printf '%s,%s,%s,"%s"\n' "$token" "$name" "uid-$name" "$groups" >> "$file"
  done
}

token_of() { awk -F, -v user="$2" '$2 == user { print $1 }' "$1"; }

# One kubeconfig per user, so a test or a person can act as exactly that user.
write_kubeconfigs() {
  local dir="$1" server="$2" ca_file="$3" token_file="$4" entry name ca_data
  mkdir -p "$dir"
  ca_data="$(base64 -w0 < "$ca_file")"
  for entry in "${HARNESS_USERS[@]}"; do
    name="${entry%%|*}"
    cat > "$dir/$name.kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
- name: fleetdeck-harness
  cluster:
    server: $server
    certificate-authority-data: $ca_data
users:
- name: $name
  user:
    token: $(token_of "$token_file" "$name")
contexts:
- name: $name
  context:
    cluster: fleetdeck-harness
    user: $name
current-context: $name
KUBECONFIG
    chmod 600 "$dir/$name.kubeconfig"
  done
}
