package io.meshcatalog.gateway.security;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.codec.digest.DigestUtils;
import org.jspecify.annotations.Nullable;

/**
 * The API key format, {@code mck_<id>_<secret>}: a recognisable prefix (so a leaked key is easy to find in code
 * and logs, and to revoke), a visible id of 10 lower-case letters and digits that names the key in lists and audit
 * records, and 256 random bits from {@link SecureRandom} as 64 hex digits.
 *
 * <p>Keys are stored as the SHA-256 hash of the whole key, with the visible prefix. A fast hash is right here,
 * where a slow one (bcrypt, Argon2) is right for passwords: slow hashes protect low-entropy secrets that people
 * choose from being guessed offline, and a 256-bit random key cannot be guessed however fast the hash; a slow hash
 * would only cost every request milliseconds of CPU. GitHub and Stripe store their tokens the same way. Hashes are
 * compared in constant time ({@link MessageDigest#isEqual}).
 */
public final class ApiKeyFormat {

    static final String PREFIX = "mck_";
    /** Longer input is not a key: bounded before it is hashed. */
    static final int MAX_LENGTH = 128;

    private static final Pattern KEY = Pattern.compile("mck_([a-z0-9]{10})_([0-9a-f]{64})");
    private static final Pattern ID = Pattern.compile("[a-z0-9]{10}");
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String HASH_PREFIX = "sha256:";

    private ApiKeyFormat() {}

    /** A new key's parts: its id, the key itself (shown once) and its hash (kept). */
    public record NewKey(String id, String key, String hash) {

        /** The visible start of the key, {@code mck_<id>}. */
        public String prefix() {
            return ApiKeyFormat.prefix(id);
        }

        @Override
        public String toString() {
            return "NewKey[id=" + id + "]";
        }
    }

    /** A fresh key: 256 random bits and a random id. */
    public static NewKey generate(SecureRandom random) {
        StringBuilder id = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            id.append(ID_ALPHABET.charAt(random.nextInt(ID_ALPHABET.length())));
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String key = PREFIX + id + "_" + HexFormat.of().formatHex(secret);
        return new NewKey(id.toString(), key, sha256(key));
    }

    /** The id a presented key claims, or null when it is not in the key format. */
    public static @Nullable String idOf(String presented) {
        if (presented.length() > MAX_LENGTH) {
            return null;
        }
        Matcher matcher = KEY.matcher(presented);
        return matcher.matches() ? matcher.group(1) : null;
    }

    /** Whether {@code id} is a key id (10 lower-case letters and digits). */
    public static boolean isId(String id) {
        return ID.matcher(id).matches();
    }

    /** {@code mck_<id>}. */
    public static String prefix(String id) {
        return PREFIX + id;
    }

    /** The SHA-256 hash of {@code key}, lower-case hex. */
    public static String sha256(String key) {
        return DigestUtils.sha256Hex(key);
    }

    /** Whether {@code presented} hashes to {@code storedHash} (hex), compared in constant time. */
    public static boolean matches(String presented, String storedHash) {
        byte[] expected;
        try {
            expected = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(DigestUtils.sha256(presented), expected);
    }

    /** {@code sha256:<hex>}, as configuration names a key's hash. */
    public static String configuredHash(String hash) {
        return HASH_PREFIX + hash;
    }

    /**
     * The hex hash of a configured {@code sha256:<hex>} value.
     *
     * @throws IllegalArgumentException when it is not {@code sha256:} followed by 64 hex digits
     */
    public static String parseConfiguredHash(String value) {
        String hex = value.strip();
        if (!hex.startsWith(HASH_PREFIX) || !hex.substring(HASH_PREFIX.length()).matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException(
                    "must be sha256: followed by 64 hex digits (java -jar gateway.jar " + "--new-api-key prints one)");
        }
        return hex.substring(HASH_PREFIX.length()).toLowerCase(java.util.Locale.ROOT);
    }
}
