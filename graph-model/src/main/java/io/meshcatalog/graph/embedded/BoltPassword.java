package io.meshcatalog.graph.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/**
 * The embedded Neo4j's Bolt password: generated on the first start (256 random bits) and kept in a file of the data
 * directory that only its owner may read, so the loopback port never answers without it, not even to another user
 * of the same machine.
 */
final class BoltPassword {

    static final String FILE = "bolt-password";
    private static final Set<PosixFilePermission> OWNER_ONLY =
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

    private BoltPassword() {}

    /** The password kept in {@code dataDir}, created there (readable by the owner only) when there is none. */
    static String readOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                create(file);
            }
            restrict(file);
            String password = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (password.length() < 8) {
                throw new IllegalStateException(file.toAbsolutePath() + " holds no usable Bolt password (at least 8"
                        + " characters); delete it and a new one is generated at the next start");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read or create the embedded Neo4j's password in " + file.toAbsolutePath() + ": "
                            + e.getMessage(),
                    e);
        }
    }

    /** Created with its permissions, so there is no moment at which others may read it. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path temporary = file.resolveSibling(FILE + ".new");
        Files.deleteIfExists(temporary);
        if (posix(file)) {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(temporary);
        }
        Files.writeString(temporary, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.delete(temporary);
        }
    }

    /** A file copied in with wider permissions is narrowed again. */
    private static void restrict(Path file) throws IOException {
        if (posix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix(Path file) {
        return Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null;
    }
}
