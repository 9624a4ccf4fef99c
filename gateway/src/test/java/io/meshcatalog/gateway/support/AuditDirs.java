package io.meshcatalog.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * A fresh audit directory per gateway under test: Spring's test context cache keeps a context alive past its class,
 * and a running gateway holds its audit directory's lock.
 */
public final class AuditDirs {

    private AuditDirs() {}

    /** A new empty directory, its name starting with {@code prefix}. */
    public static String fresh(String prefix) {
        try {
            return Files.createTempDirectory(prefix).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
