# syntax=docker/dockerfile:1
# One image, every role: `start --role web|poller|formatter|publisher` (compose) or `start` (all).
# Same install and run steps as CI: pnpm from the lockfile, Node 24 runs the TypeScript directly.
ARG NODE_VERSION=24.21.0
ARG PNPM_VERSION=10.34.9

FROM node:${NODE_VERSION}-bookworm-slim AS build
ARG PNPM_VERSION
RUN npm install -g pnpm@${PNPM_VERSION}
WORKDIR /app
# Fetch by the lockfile alone first, so source edits do not invalidate the dependency layer.
COPY pnpm-lock.yaml pnpm-workspace.yaml ./
RUN pnpm fetch --prod --reporter=append-only
COPY . .
RUN pnpm install --offline --frozen-lockfile --prod --reporter=append-only

FROM node:${NODE_VERSION}-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build --chown=node:node /app /app
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.HERALD_PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))" || exit 1
ENTRYPOINT ["node", "apps/herald/src/main.ts"]
CMD ["start"]
