package io.meshcatalog.gateway.security;

import java.io.PrintStream;
import java.security.SecureRandom;

/**
 * {@code java -jar gateway.jar --new-api-key}: prints a fresh key and the configuration that accepts it, then
 * exits, as {@code htpasswd} does. The key is printed once and kept nowhere; configuration holds only its hash.
 */
public final class NewApiKey {

    static final String OPTION = "--new-api-key";

    private NewApiKey() {}

    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.equals(OPTION)) {
                return true;
            }
        }
        return false;
    }

    /** Prints a key and its configuration entry to {@code out}. */
    public static void print(PrintStream out) {
        ApiKeyFormat.NewKey key = ApiKeyFormat.generate(new SecureRandom());
        out.println("API key (shown once; give it to its user, keep it out of the repository):");
        out.println();
        out.println("  " + key.key());
        out.println();
        out.println("Configuration that accepts it (fill in subject, roles, teams, expires):");
        out.println();
        out.println("security:");
        out.println("  api-keys:");
        out.println("    - id: " + key.id());
        out.println("      hash: " + ApiKeyFormat.configuredHash(key.hash()));
        out.println("      subject: <user or service>");
        out.println("      roles: [READER]");
        out.println("      teams: []");
        out.println("      expires: <date, e.g. 2027-01-31>");
    }
}
