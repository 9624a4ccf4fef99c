package io.meshcatalog.gateway;

import io.meshcatalog.gateway.audit.AuditProperties;
import io.meshcatalog.gateway.audit.AuditVerifier;
import io.meshcatalog.gateway.audit.AuditVerifier.Broken;
import io.meshcatalog.gateway.audit.AuditVerifier.Intact;
import io.meshcatalog.gateway.audit.AuditVerifier.Verification;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * {@code --verify-audit[=<dir>] [--expect-head=<hash>]}: reads every file of the audit log (the directory given, or
 * {@code audit.dir} as the gateway would read it) and prints either that the chain is intact, with what an operator
 * records (files, events, first and last time, the head hash), or the first place where it is broken; exit status 0
 * or 1 (2 for a malformed {@code --expect-head}). Runs without the Spring container and without the gateway.
 */
final class VerifyAudit {

    private static final String FLAG = "--verify-audit";

    private VerifyAudit() {}

    static boolean requested(String[] args) {
        return Flags.has(args, FLAG);
    }

    static int run(String[] args, PrintStream out) {
        String given = Flags.value(args, FLAG + "=");
        Path dir = given != null && !given.isBlank()
                ? Path.of(given)
                : Binder.get(PlainGateway.environment(args))
                        .bindOrCreate("audit", AuditProperties.class)
                        .settings(System.getenv())
                        .dir();
        Verification verification;
        try {
            verification = AuditVerifier.verify(dir, Flags.value(args, "--expect-head="));
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        } catch (NoSuchFileException e) {
            out.println("Audit log NOT VERIFIED: " + dir.toAbsolutePath() + " is not a directory");
            return 1;
        } catch (IOException e) {
            out.println("Audit log NOT VERIFIED: cannot read " + dir.toAbsolutePath() + ": " + e.getMessage());
            return 1;
        }
        if (verification instanceof Broken broken) {
            out.println("Audit log BROKEN: " + dir.toAbsolutePath());
            out.println("  " + broken.describe());
            return 1;
        }
        Intact intact = (Intact) verification;
        out.println("Audit log intact: " + dir.toAbsolutePath());
        out.println("  files:  " + intact.files().size()
                + (intact.files().isEmpty()
                        ? ""
                        : " (" + intact.files().get(0).getFileName() + " to "
                                + intact.files().get(intact.files().size() - 1).getFileName() + ")"));
        out.println("  events: " + intact.events());
        out.println("  first:  " + (intact.first() == null ? "-" : intact.first()));
        out.println("  last:   " + (intact.last() == null ? "-" : intact.last()));
        out.println("  head:   " + intact.head());
        if (intact.expectedAt() != null) {
            out.println("  expected head found at seq " + intact.expectedAt() + "; "
                    + (intact.events() - intact.expectedAt()) + " events follow it");
        }
        if (intact.note() != null) {
            out.println("  note:   " + intact.note());
        }
        return 0;
    }
}
