# syntax=docker/dockerfile:1
#
# Ballast in a container: `ballast serve` (the HTTP API, and the dashboard built from web/) on
# port 8080, or `ballast worker` with another command. docs/deploy.md tells how to run it; this
# project's CI has no Docker engine, so the image is never built there — test/ops/dockerfile.test.ts
# parses this file and checks the rules it lists instead.
#
#   docker build -t ballast .
#   docker run --rm -p 8080:8080 -v ballast-data:/data ballast
#
# On 0.0.0.0 API keys are required on /api/v1 (`--auth off` is refused on a non-loopback host):
#   docker run --rm -v ballast-data:/data ballast node bin/ballast.mjs keys create --scope write

# ---- build: install with the dev tools, compile the CLI and the dashboard, drop dev packages
FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles its native addon when no prebuilt binary fits the platform.
RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
# `npm ci` runs `prepare` (npm run build: dist/ and the bundled CLI in dist/bin/).
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund \
    && npm run build:web \
    && npm prune --omit=dev --no-audit --no-fund

# ---- runtime: the compiled files and production packages only, as the unprivileged `node` user
FROM node:20-bookworm-slim AS runtime
# The SQLite store, when no DATABASE_URL is given: $XDG_DATA_HOME/ballast/ballast.sqlite.
# (Not BALLAST_DB: it would take precedence over a DATABASE_URL given at run time.)
ENV NODE_ENV=production \
    XDG_DATA_HOME=/data
WORKDIR /app
RUN mkdir -p /data/ballast && chown -R node:node /data
# Owned by root, readable by all: the server cannot rewrite its own code.
COPY --from=build --chown=root:root /app/package.json ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/bin ./bin
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/config ./config
COPY --from=build --chown=root:root /app/data ./data
COPY --from=build --chown=root:root /app/web/dist ./web/dist
USER node
VOLUME ["/data"]
EXPOSE 8080
# /api/health stays open when keys are required. The slim image has no curl: node's fetch.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
    CMD ["node", "-e", "fetch('http://127.0.0.1:8080/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "bin/ballast.mjs", "serve", "--host", "0.0.0.0", "--port", "8080"]
