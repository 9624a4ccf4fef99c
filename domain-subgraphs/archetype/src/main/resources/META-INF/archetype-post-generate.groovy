// Serves the descriptor the `descriptor` property names (such as one `java -jar gateway.jar new-product` wrote)
// instead of the starting one; `none` keeps the starting one.
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.Paths
import java.nio.file.StandardCopyOption

String descriptor = request.properties.get("descriptor")
if (descriptor != null && descriptor.trim() && descriptor.trim() != "none") {
    Path source = Paths.get(descriptor.trim())
    if (!Files.isRegularFile(source)) {
        throw new IllegalArgumentException("descriptor=" + descriptor + ": no such file (from " + Paths.get("").toAbsolutePath() + ")")
    }
    Path target = Paths.get(request.outputDirectory, request.artifactId, "src", "main", "resources", "descriptor.yaml")
    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING)
    println "Serving " + source + " (copied to src/main/resources/descriptor.yaml)"
}
