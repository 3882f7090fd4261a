# majlis: one image for both processes.
#   API (default):  node dist/apps/api/apps/api/src/main.js  (also serves the web client from apps/web/dist)
#   worker:         node dist/apps/worker/apps/worker/src/main.js
#   first admin:    npm run majlis -- admin create --email <address>   (node dist/apps/command/apps/command/src/main.js)
# Migrations are compiled into dist/ and run at the start of either process.

# ---- build: all dependencies, compile both apps into dist/ and the web client into apps/web/dist ----
FROM node:20-bookworm-slim AS build
WORKDIR /app
# npm ci needs every workspace's package.json (apps/web) before the sources.
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/
RUN npm ci
# Sources, tsconfig*.json and nest-cli.json; .dockerignore keeps node_modules, dist and local data out.
COPY . .
RUN npm run build

# ---- runtime: production dependencies and dist/ only ----
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
# /app belongs to the unprivileged node user; node_modules and dist stay owned by root (read-only to the app).
RUN chown node:node /app
COPY package.json package-lock.json ./
COPY apps/web/package.json ./apps/web/
# The web client's packages are its devDependencies: only its built files ship.
RUN npm ci --omit=dev && npm cache clean --force
COPY --from=build /app/dist ./dist
COPY --from=build /app/apps/web/dist ./apps/web/dist
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health',{signal:AbortSignal.timeout(4000)}).then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/apps/api/src/main.js"]
