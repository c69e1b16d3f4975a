# syntax=docker/dockerfile:1
# Fleetdeck's production image: the standalone server and nothing else, on the Node.js of .nvmrc, as a
# non-root user with a fixed uid. It needs no writable path but /tmp, so run it with a read-only root:
#   docker build -t fleetdeck .
#   docker run --read-only --tmpfs /tmp -p 3000:3000 -e FLEETDECK_ALLOWED_HOSTS=localhost:3000 fleetdeck
# Keep NODE_VERSION equal to .nvmrc and the uid equal to the chart's runAsUser (scripts/image-recipe.test.ts
# checks both).
ARG NODE_VERSION=24.22.3

FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# next build, then scripts/assemble-standalone.mjs: .next/standalone holds the server, its traced
# dependencies, the browser assets, public/ and the start script.
RUN npm run build

FROM node:${NODE_VERSION}-bookworm-slim
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="Fleetdeck" \
      org.opencontainers.image.description="A dashboard for fleets of Amazon SageMaker endpoints managed by the ACK sagemaker-controller" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="docker.io/library/node:${NODE_VERSION}-bookworm-slim"
# HOME: the user has no passwd entry, and the AWS SDK looks for ~/.aws (os.homedir() throws without a home).
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOST=0.0.0.0 \
    PORT=3000 \
    HOME=/tmp
WORKDIR /app
# Owned by root and not writable by the server's user, even where the root filesystem is writable.
COPY --from=build --chown=0:0 /src/.next/standalone/ /app/
USER 10001:10001
EXPOSE 3000
# scripts/start-server.mjs: the HTTP timeouts and the graceful stop on SIGTERM. Node runs as PID 1 and
# handles SIGTERM itself, so no init is needed.
ENTRYPOINT ["node", "start-server.mjs"]
