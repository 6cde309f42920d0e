# syntax=docker/dockerfile:1
# Steward in a container: build with the Rust toolchain, run on a slim Debian with the fonts the
# rank cards need. Data (the SQLite file, its backups, exports) lives in /data: mount a volume.
#   docker build -t steward .
#   docker run -v steward-data:/data -p 8080:8080 -e STEWARD_TELEGRAM_TOKEN=... \
#     -e STEWARD_WEB_PUBLIC_URL=https://steward.example.org steward
# or `docker compose up -d` with compose.yaml.
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
# The registry and the build folder are cache mounts: a rebuild after a source change does not
# download or recompile the dependencies again.
ARG STEWARD_COMMIT=unknown
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    STEWARD_COMMIT=$STEWARD_COMMIT cargo build --release --locked \
 && cp target/release/steward /usr/local/bin/steward

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 steward \
 && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home steward \
 && mkdir /data && chown 10001:10001 /data && chmod 700 /data
COPY --from=build /usr/local/bin/steward /usr/local/bin/steward
COPY config.example.toml /etc/steward/config.example.toml
USER 10001:10001
WORKDIR /data
VOLUME /data
ENV STEWARD_WEB_LISTEN=0.0.0.0:8080
EXPOSE 8080
# `steward health` asks /readyz on loopback (the image has no curl).
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 CMD ["steward", "health"]
# Put steward.toml in /data (or pass --config); tokens and STEWARD_WEB_PUBLIC_URL come from the
# environment. `docker exec CONTAINER steward backup` copies the database while it runs.
ENTRYPOINT ["steward"]
CMD ["run"]
