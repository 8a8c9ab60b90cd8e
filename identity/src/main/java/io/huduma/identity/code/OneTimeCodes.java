package io.huduma.identity.code;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Makes and checks one-time codes: 6 random digits from {@link SecureRandom}, stored as
 * HMAC-SHA256(pepper, salt || code) with a random salt per code. The pepper (a server secret, not in
 * the database) keeps a stolen table from being brute-forced offline over the million possible codes.
 */
@Component
public class OneTimeCodes {

    private static final HexFormat HEX = HexFormat.of();

    private final SecureRandom random = new SecureRandom();
    private final byte[] pepper;
    private final int digits;

    OneTimeCodes(CodeProperties properties) {
        this.pepper = properties.pepper().getBytes(StandardCharsets.UTF_8);
        this.digits = properties.digits();
    }

    /** A new code and its hash. */
    public IssuedCode issue() {
        StringBuilder code = new StringBuilder(digits);
        for (int i = 0; i < digits; i++) {
            code.append(random.nextInt(10));
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String plain = code.toString();
        return new IssuedCode(plain, new CodeHash(HEX.formatHex(mac(salt, plain)), HEX.formatHex(salt)));
    }

    /** True when {@code code} is the one {@code stored} was made from (compared in constant time). */
    public boolean matches(String code, CodeHash stored) {
        if (code == null || stored == null) {
            return false;
        }
        byte[] expected = HEX.parseHex(stored.hash());
        return MessageDigest.isEqual(expected, mac(HEX.parseHex(stored.salt()), code.strip()));
    }

    private byte[] mac(byte[] salt, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(pepper, "HmacSHA256"));
            mac.update(salt);
            return mac.doFinal(code.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
