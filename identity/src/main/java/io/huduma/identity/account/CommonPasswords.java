package io.huduma.identity.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import io.huduma.platform.domain.DomainException;

/**
 * The common passwords nobody may choose: the same list Keycloak's {@code passwordBlacklist} policy
 * reads ({@code deploy/keycloak/huduma-common-passwords.txt}, packaged into this module). Keycloak
 * checks every password set through it (resets, staff); a sign-up's password reaches Keycloak already
 * hashed, so identity checks it here first. Compared case-insensitively, like Keycloak does.
 */
public final class CommonPasswords {

    static final String RESOURCE = "/passwords/huduma-common-passwords.txt";
    private static final Set<String> LIST = load();

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return password != null && LIST.contains(password.toLowerCase(Locale.ROOT));
    }

    /** Refuses a common password with a 400 problem at {@code pointer}. */
    public static void refuse(String password, String pointer) {
        if (contains(password)) {
            throw DomainException.invalid(pointer, "is one of the most common passwords; choose one that is harder to guess");
        }
    }

    static int size() {
        return LIST.size();
    }

    private static Set<String> load() {
        try (InputStream in = CommonPasswords.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Set<String> list = new HashSet<>();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty())
                    .forEach(line -> list.add(line.toLowerCase(Locale.ROOT)));
            return Set.copyOf(list);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
