# One image for every service of the monitor; the command picks the service:
#   docker run IMAGE run | ingest | stream | alerts | replay PATH... | match ... | themes validate FILE...
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -Dmaven.test.skip=true package -pl cli -am

FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/cli/target/classes /app/classes
COPY --from=build /src/cli/target/lib /app/lib
RUN useradd --system --home /app monitor && mkdir -p /app/data && chown monitor /app/data
USER monitor
ENV MONITOR_DATA_DIR=/app/data
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-Djdk.httpclient.allowRestrictedHeaders=host", "-cp", "/app/classes:/app/lib/*", "org.newsmonitor.cli.MonitorMain"]
CMD ["--help"]
