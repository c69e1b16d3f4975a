# Sourced by scripts/demo.sh and scripts/e2e.sh: `start_cloudwatch_simulator LOG` starts the simulated CloudWatch
# (simulator/cloudwatch/) on a free loopback port with an identity made up for this run, and exports the AWS SDK's
# standard settings that point the dashboard and every simulated SageMaker at it. Sets cloudwatch_simulator_pid.
start_cloudwatch_simulator() {
  local log="$1" url="" deadline=$((SECONDS + 60))
  local random
  random="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  # Account 123456789012 is the simulated SageMaker's default; the secret opens only this simulator.
  export AWS_ACCESS_KEY_ID="AKIAFLEETDECK${random:0:7}"
  AWS_ACCESS_KEY_ID="${AWS_ACCESS_KEY_ID^^}"
  export AWS_SECRET_ACCESS_KEY="$random"
  export AWS_REGION="${AWS_REGION:-us-west-2}"
  # Emptied here, not by the background job's redirect: that runs later, and the loop below would read the
  # address a previous run left in the same log.
  : >"$log"
  SIM_CLOUDWATCH_PORT=0 SIM_CLOUDWATCH_REGION="$AWS_REGION" \
    SIM_CLOUDWATCH_CREDENTIALS="[{\"accessKeyId\":\"$AWS_ACCESS_KEY_ID\",\"secretAccessKey\":\"$AWS_SECRET_ACCESS_KEY\",\"accountId\":\"123456789012\",\"userName\":\"fleetdeck\"}]" \
    node_modules/.bin/tsx simulator/cloudwatch/main.ts >"$log" 2>&1 &
  cloudwatch_simulator_pid=$!
  until url="$(sed -n 's/^\[cloudwatch-simulator\] listening on \(http:[^ ]*\)$/\1/p' "$log")" && [ -n "$url" ]; do
    if ! kill -0 "$cloudwatch_simulator_pid" 2>/dev/null; then
      echo "the CloudWatch simulator exited during start:" >&2
      cat "$log" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      echo "the CloudWatch simulator did not start in 60 s (log: $log)" >&2
      return 1
    fi
    sleep 0.2
  done
  export AWS_ENDPOINT_URL_CLOUDWATCH="$url"
}
