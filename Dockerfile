# syntax=docker/dockerfile:1
# The portal's container (ADR 0023). NOT BUILT on the development machines, which run no Docker
# daemon: written to be built by the deployment pipeline. Its runtime stage is the folder
# `npm run standalone` makes, which test/e2e/standalone.spec.ts makes and runs here.
#
#   docker build -t fm-portal .
#   docker run -p 3000:3000 -e DATABASE_URL=postgres://… -e AUTH_URL=https://… -e AUTH_SECRET=… \
#     -e LOGIN_GOV_CLIENT_ID=… -e LOGIN_GOV_PRIVATE_KEY=… -e TRUST_PROXY=<proxy addresses> fm-portal
# TRUST_PROXY takes exact addresses (comma-separated), not ranges.

FROM node:22-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The build, then the one folder that runs it (scripts/standalone.mjs, ADR 0024): Next's standalone
# output completed with the portal's server, the build folder, public/, the migrations and only the
# node_modules files the server is traced to load — the same folder a browser test starts here.
RUN npm run build && npm run standalone -- /standalone

FROM node:22-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000
# No npm install here: the folder carries its node_modules. Owned by root, so the server cannot
# change its own code...
COPY --from=build /standalone ./
# ...except the one folder the process writes (the payload files of / and /cards), and .data for a
# run without DATABASE_URL or AUTH_SECRET (PGlite and a generated secret; a deployment sets both).
RUN chown -R node:node /app/.next/static && mkdir -p /app/.data && chown node:node /app/.data
# Not root.
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "dist/server.mjs"]
