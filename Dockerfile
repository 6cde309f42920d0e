# Steward in a container: build with the Rust toolchain, run on a slim Debian with the fonts the
# rank cards need. Data (the SQLite file, exports) lives in /data: mount a volume there.
#   docker build -t steward .
#   docker run -v steward-data:/data -p 8080:8080 -e STEWARD_TELEGRAM_TOKEN=... steward
FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates fonts-dejavu-core fonts-noto-cjk fonts-noto-color-emoji \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home /data steward
COPY --from=build /src/target/release/steward /usr/local/bin/steward
COPY config.example.toml /etc/steward/config.example.toml
USER steward
WORKDIR /data
ENV STEWARD_WEB_LISTEN=0.0.0.0:8080
EXPOSE 8080
# Put steward.toml in /data (or pass --config); tokens come from the environment.
ENTRYPOINT ["steward"]
CMD ["run"]
