package io.huduma.identity.account;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A password as Keycloak stores one ({@code pbkdf2-sha256}: iterations, salt, derived key), so a
 * sign-up can keep it until the phone is verified without ever keeping the password itself.
 */
public record HashedPassword(String algorithm, int iterations, String salt, String value) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALGORITHM = "pbkdf2-sha256";

    public static HashedPassword of(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            spec.clearPassword();
            return new HashedPassword(ALGORITHM, iterations, Base64.getEncoder().encodeToString(salt),
                    Base64.getEncoder().encodeToString(key));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }

    /** The stored form: {@code algorithm$iterations$salt$value}. */
    public String encoded() {
        return algorithm + "$" + iterations + "$" + salt + "$" + value;
    }

    public static HashedPassword decode(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4) {
            throw new IllegalArgumentException("not an encoded password hash");
        }
        return new HashedPassword(parts[0], Integer.parseInt(parts[1]), parts[2], parts[3]);
    }

    @Override
    public String toString() {
        return "HashedPassword[" + algorithm + "]";
    }
}
