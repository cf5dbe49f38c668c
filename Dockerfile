# hoso for production: the binary and the SPA in one small image. Built by docker-compose.yml.
# Build stage: the same steps as `cargo xtask build-spa` and a release build of the server.
FROM rust:1.95-bookworm AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq-dev libsqlite3-dev libssl-dev pkg-config nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo xtask build-spa \
 && cargo build --release --locked -p hoso-server

# Run stage: only the shared libraries the binary links, and an unprivileged user.
FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpq5 libsqlite3-0 libssl3 ca-certificates tzdata \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --home-dir /var/lib/hoso --create-home hoso
COPY --from=build /src/target/release/hoso /usr/local/bin/hoso
COPY --from=build /src/frontend/dist /usr/share/hoso/dist
ENV HOSO_LISTEN=0.0.0.0:8080 \
    HOSO_DATA_DIR=/var/lib/hoso \
    HOSO_STATIC_DIR=/usr/share/hoso/dist \
    HOSO_LOG_FORMAT=json \
    TZ=Asia/Ho_Chi_Minh
USER hoso
VOLUME ["/var/lib/hoso"]
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/hoso"]
CMD ["serve"]
