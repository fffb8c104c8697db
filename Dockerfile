# dutyscan container image: `serve` (scheduled scans, history, HTTP API) by default,
# `docker run IMAGE scan ...` for a one-shot scan (Kubernetes CronJob, ECS scheduled task).
#
# Runtime contract:
# - runs as the unprivileged `node` user (uid 1000) and works with a read-only root file system;
# - writes only to /var/lib/dutyscan (history store, sink spool) and /tmp (mount both writable);
# - `serve` listens on 0.0.0.0:8080 and requires an API token (DUTYSCAN_API_TOKEN or
#   service.api.tokenFile); config from DUTYSCAN_CONFIG (e.g. a mounted /etc/dutyscan/dutyscan.yaml).

ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
# better-sqlite3 compiles its native addon when no prebuilt binary matches: the toolchain stays in this stage.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Install without lifecycle scripts (`prepare` would build before the sources are here), then build the one native addon.
RUN npm ci --ignore-scripts --no-audit --no-fund \
 && npm rebuild better-sqlite3
COPY tsconfig.json tsconfig.build.json ./
COPY bin ./bin
COPY src ./src
COPY providers ./providers
COPY checks ./checks
COPY config ./config
COPY scripts/sbom.mjs ./scripts/
# The SBOM is taken from the full tree (npm sbom refuses a pruned one) and narrowed to what ships.
RUN npm run build \
 && node scripts/sbom.mjs sbom.cdx.json \
 && npm prune --omit=dev --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ARG VERSION=0.1.0
LABEL org.opencontainers.image.title="dutyscan" \
      org.opencontainers.image.description="Cloud posture scanner that proves the customer's side of IaaS contracts from the live cloud" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.licenses="Apache-2.0" \
      org.opencontainers.image.vendor="dutyscan"
ENV NODE_ENV=production \
    DUTYSCAN_LOG_LEVEL=info
WORKDIR /app
COPY --from=build /src/package.json /src/package-lock.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY --from=build /src/bin ./bin
COPY --from=build /src/config ./config
COPY --from=build /src/sbom.cdx.json ./sbom.cdx.json
RUN mkdir -p /var/lib/dutyscan \
 && chown node:node /var/lib/dutyscan
VOLUME ["/var/lib/dutyscan"]
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "/app/bin/dutyscan.js"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
