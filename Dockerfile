# syntax=docker/dockerfile:1
# Televent's container image (docs/operations.md, "Containers"): built in one stage with the
# compilers pip may need, run from a second that holds only Python and the installed program,
# as an unprivileged user. `docker build -t televent .`; `compose.yaml` runs it with PostgreSQL,
# Redis and Mailpit.

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1
WORKDIR /build
RUN python -m venv /opt/televent
COPY pyproject.toml README.md ./
COPY src ./src
COPY migrations ./migrations
# Error reporting (SENTRY_DSN) and tracing (OTEL_EXPORTER_OTLP_ENDPOINT) are in the image,
# loaded only when their settings are present.
RUN /opt/televent/bin/pip install ".[sentry,tracing]" \
    && /opt/televent/bin/televent --help > /dev/null

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Televent" \
      org.opencontainers.image.description="A Telegram-first calendar server: CalDAV, Telegram, email" \
      org.opencontainers.image.licenses="MIT"
RUN groupadd --system --gid 10001 televent \
    && useradd --system --uid 10001 --gid televent --home-dir /var/lib/televent \
       --shell /usr/sbin/nologin televent \
    && mkdir -p /var/lib/televent \
    && chown televent:televent /var/lib/televent \
    && chmod 0700 /var/lib/televent
COPY --from=build /opt/televent /opt/televent
ENV PATH=/opt/televent/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    XDG_DATA_HOME=/var/lib \
    TELEVENT_DATABASE_URL=sqlite:////var/lib/televent/televent.db \
    TELEVENT_LOG_FORMAT=json
USER 10001:10001
WORKDIR /var/lib/televent
VOLUME ["/var/lib/televent"]
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["python", "-c", "import urllib.request as u; u.urlopen('http://127.0.0.1:8080/health', timeout=4)"]
# The program is the entry point and `serve` its default command: `docker run televent` serves,
# `docker run televent db upgrade` (or any other `televent` command) runs that instead.
ENTRYPOINT ["televent"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
