# The gateway's image, with the Neo4j plugin jar beside it for Neo4j's init container (deploy/kubernetes/neo4j.yaml).
# Build the jars first, then the image, from the repository root:
#
#   mvn -B -q install -DskipTests
#   docker build -f deploy/gateway.Dockerfile -t mesh-catalog/gateway:0.1.0 .
FROM eclipse-temurin:17-jre
# gateway.jar runs from its libraries in lib/ next to it
COPY gateway/target/gateway.jar /app/gateway.jar
COPY gateway/target/lib /app/lib
COPY graph-model/target/graph-model-neo4j-plugin.jar /app/plugins/graph-model-neo4j-plugin.jar
# the audit log (and an embedded Neo4j's data, when NEO4J_URI is not set)
ENV MESH_DATA_DIR=/data
RUN mkdir /data && chown 10001 /data
USER 10001
WORKDIR /app
EXPOSE 8080
# the heap as a share of the container's memory limit
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60", "-jar", "/app/gateway.jar"]
