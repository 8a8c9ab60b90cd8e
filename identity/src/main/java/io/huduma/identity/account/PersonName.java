package io.huduma.identity.account;

import java.util.ArrayList;
import java.util.List;

/** First and last name as Keycloak keeps them, from and to one full name. */
public record PersonName(String first, String last) {

    public static PersonName split(String fullName) {
        String name = fullName == null ? "" : fullName.strip().replaceAll("\\s+", " ");
        int space = name.lastIndexOf(' ');
        return space < 0 ? new PersonName(name, null) : new PersonName(name.substring(0, space), name.substring(space + 1));
    }

    public static String join(String first, String last) {
        List<String> parts = new ArrayList<>();
        if (first != null && !first.isBlank()) {
            parts.add(first.strip());
        }
        if (last != null && !last.isBlank()) {
            parts.add(last.strip());
        }
        return String.join(" ", parts);
    }
}
