# The web app (task-web) and the admin CLI (task-cli), built from source.
#   docker build -t task-manager .     (docker compose builds it for you)
# The base images are build arguments whose defaults are the official ones; CI builds on stand-ins
# made from Debian packages (.ci/docker). Nothing here needs BuildKit: the classic builder works.
ARG BUILD_IMAGE=eclipse-temurin:17-jdk
ARG RUN_IMAGE=eclipse-temurin:17-jre

# ---- build: Maven on a JDK 17 -----------------------------------------------------------------
FROM ${BUILD_IMAGE} AS build
WORKDIR /src

# The poms alone first: the dependency layer is rebuilt only when a pom changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
# Every module's pom, even those not built here: Maven reads the whole reactor.
COPY task-core/pom.xml task-core/
COPY embedded-mongo/pom.xml embedded-mongo/
COPY task-mongo/pom.xml task-mongo/
COPY task-passwords/pom.xml task-passwords/
COPY task-web/pom.xml task-web/
COPY task-cli/pom.xml task-cli/
COPY bench/pom.xml bench/
COPY e2e/pom.xml e2e/
RUN ./mvnw -B -q -pl task-web,task-cli -am dependency:go-offline -DexcludeReactor=true

COPY task-core/src task-core/src
COPY embedded-mongo/src embedded-mongo/src
COPY task-mongo/src task-mongo/src
COPY task-passwords/src task-passwords/src
COPY task-web/src task-web/src
COPY task-cli/src task-cli/src
RUN ./mvnw -B -q -pl task-web,task-cli -am package -DskipTests

# ---- run: a JRE 17, as a user without privileges ---------------------------------------------
FROM ${RUN_IMAGE}
RUN command -v curl >/dev/null || { apt-get update && apt-get install -y --no-install-recommends curl \
      && rm -rf /var/lib/apt/lists/*; }
COPY bin/task bin/task-web /usr/local/bin/
RUN groupadd --system --gid 10001 task && useradd --system --uid 10001 --gid task --home-dir /app task \
    && mkdir -p /app /data && chown task:task /data \
    && chmod 0755 /usr/local/bin/task /usr/local/bin/task-web

COPY --from=build /src/task-web/target/task-web.jar /src/task-web/target/task-web.jsa /app/
COPY --from=build /src/task-cli/target/task-cli.jar /src/task-cli/target/task-cli.jsa /src/task-cli/target/task-cli-send.jsa /app/

USER task
WORKDIR /app
ENV TASK_HTTP_HOST=0.0.0.0 \
    TASK_HTTP_PORT=8080 \
    TASK_DATA_DIR=/data \
    TASK_CLI_JAR=/app/task-cli.jar \
    TASK_WEB_JAR=/app/task-web.jar
VOLUME /data
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${TASK_HTTP_PORT}/health/ready" || exit 1
ENTRYPOINT ["task-web"]
