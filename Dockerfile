# newsdesk-bot: one image for both transports.
#   docker build -t newsdesk-bot .
#   docker run --env-file .env -p 8787:8787 newsdesk-bot                                # HTTP endpoint (npm run serve)
#   docker run --env-file .env newsdesk-bot node --import tsx bot/main.ts               # gateway bot (npm start)
#   docker run --env-file .env newsdesk-bot node --import tsx bot/main.ts --shards auto # gateway, sharded
# The knowledge is baked in: change knowledge/ and build again (the index is built here, once).

FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only (tsx runs the TypeScript; nothing is compiled ahead).
RUN npm ci --omit=dev --no-audit --no-fund
COPY bot ./bot
COPY cli ./cli
COPY commands ./commands
COPY src ./src
COPY knowledge ./knowledge
COPY tsconfig.json ./
# Fails the build on a broken knowledge file, then builds the index and the knowledge snapshot
# into .cache, so every container (every shard, every HTTP worker) only loads them.
RUN npm run --silent check && npm run --silent ask -- --json "What is this about?" > /dev/null && ls .cache

FROM node:20-slim
ENV NODE_ENV=production \
    INTERACTIONS_HOST=0.0.0.0 \
    INTERACTIONS_PORT=8787
WORKDIR /app
# Owned by root and read by the unprivileged user: the index is read-only at run time.
COPY --from=build /app /app
USER node
EXPOSE 8787
# SIGTERM (docker stop) finishes the replies in flight; allow it the 10 s grace the bot uses.
STOPSIGNAL SIGTERM
CMD ["node", "--import", "tsx", "bot/serve.ts"]
