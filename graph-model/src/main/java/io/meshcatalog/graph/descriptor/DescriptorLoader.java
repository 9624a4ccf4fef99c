package io.meshcatalog.graph.descriptor;

import io.meshcatalog.graph.model.DomainDescriptor;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a domain descriptor (YAML, ODPS v1.0 product keys, ODCS v3.1 schema keys), or a domain published as ODPS
 * v1.0 products and ODCS v3.1 contracts in one YAML stream ({@link StandardsBundle}), into a {@link DomainDescriptor}. It either returns a fully valid descriptor or throws a
 * {@link DescriptorException} listing every problem with file, line and key: never half a domain.
 */
public final class DescriptorLoader {

    /** The {@code apiVersion} this loader reads. */
    public static final String API_VERSION = "meshcatalog/v1";
    /** The most documents (ODPS products and ODCS contracts) one descriptor may hold. */
    static final int MAX_DOCUMENTS = 10_000;

    /** Loads one descriptor file. */
    public DomainDescriptor load(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return load(file.toString(), reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read descriptor " + file, e);
        }
    }

    /** Loads every {@code *.yaml} / {@code *.yml} file of a folder, in name order; all problems of all files. */
    public List<DomainDescriptor> loadAll(Path folder) {
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list descriptors in " + folder, e);
        }
        List<DomainDescriptor> loaded = new ArrayList<>();
        List<DescriptorProblem> problems = new ArrayList<>();
        for (Path file : files) {
            try {
                loaded.add(load(file));
            } catch (DescriptorException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new DescriptorException(problems);
        }
        return loaded;
    }

    public DomainDescriptor load(String sourceName, String yaml) {
        return load(sourceName, new StringReader(yaml));
    }

    public DomainDescriptor load(String sourceName, Reader reader) {
        Problems problems = new Problems(sourceName);
        List<Node> documents = new ArrayList<>();
        try {
            for (Node document : YamlText.reader().composeAll(reader)) {
                if (documents.size() == MAX_DOCUMENTS) {
                    problems.add(document, "", "at most " + MAX_DOCUMENTS + " documents in one descriptor");
                    throw new DescriptorException(problems.sorted());
                }
                documents.add(document);
            }
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            problems.add(
                    mark == null ? 1 : mark.getLine() + 1,
                    mark == null ? 1 : mark.getColumn() + 1,
                    "",
                    "not valid YAML: " + e.getProblem());
            throw new DescriptorException(problems.sorted());
        } catch (YAMLException e) {
            // the parser's own limits (aliases, nesting, size), which it reports without a position
            problems.add(1, 1, "", "not readable YAML: " + e.getMessage());
            throw new DescriptorException(problems.sorted());
        }
        if (documents.isEmpty()) {
            problems.add(1, 1, "", "the descriptor is empty");
            throw new DescriptorException(problems.sorted());
        }
        Node root = documents.get(0);
        if (StandardsBundle.isStandard(root)) {
            root = StandardsBundle.translate(documents, problems);
            if (root == null) {
                throw new DescriptorException(problems.sorted());
            }
        } else if (documents.size() > 1) {
            problems.add(
                    documents.get(1),
                    "",
                    "a meshcatalog/v1 descriptor is one document; several are ODPS "
                            + "products and ODCS contracts of one domain");
            throw new DescriptorException(problems.sorted());
        }
        return read(root, problems);
    }

    /**
     * Reads a descriptor from its YAML tree, as a template makes one: every problem at the line of its node in
     * {@code sourceName}.
     */
    public DomainDescriptor load(String sourceName, Node root) {
        return read(root, new Problems(sourceName));
    }

    private static DomainDescriptor read(Node root, Problems problems) {
        DomainDescriptor descriptor = new DescriptorReading(problems).descriptor(new YamlObject(root, "", problems));
        if (descriptor == null || !problems.isEmpty()) {
            throw new DescriptorException(problems.sorted());
        }
        return descriptor;
    }
}
