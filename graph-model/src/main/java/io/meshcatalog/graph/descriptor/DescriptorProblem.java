package io.meshcatalog.graph.descriptor;

/** One thing wrong in a descriptor, with where it is: file, 1-based line and column, and key path. */
public record DescriptorProblem(String file, int line, int column, String path, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column + ": " + (path.isEmpty() ? "" : path + ": ") + message;
    }
}
