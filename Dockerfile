FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build && npm prune --omit=dev
ENV NODE_ENV=production PORT=4000
# A heap limit of its own: without one V8 grows the heap toward the machine's memory before it
# collects (RSS 440-475 MB under the read-path bench against 250 MB with this limit, docs/benchmarks.md).
# The bench runs the API with this same line.
ENV NODE_OPTIONS="--max-old-space-size=256"
EXPOSE 4000
USER node
CMD ["node", "dist/src/main.js"]
