package io.huduma.catalog.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a citizen typed, turned into PostgreSQL full-text queries: every word is matched as a prefix
 * ({@code word:*}) and all words must match. Words are letters and digits only, so the text can
 * never inject tsquery operators.
 *
 * @param text    the cleaned text, for trigram similarity (typos)
 * @param english tsquery text for the {@code english} configuration (stemmed, stop words dropped by PostgreSQL)
 * @param swahili tsquery text for the {@code swahili_simple} configuration, without Swahili connectives
 */
record SearchQuery(String text, String english, String swahili) {

    static final int MAX_WORDS = 8;
    static final int MAX_WORD_LENGTH = 40;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    /**
     * Swahili connectives ("of", "and", "for"...) that join most service names ("Cheti cha Kuzaliwa",
     * "Leseni ya Udereva"). PostgreSQL has no Swahili stop-word list; left in, a prefix query for
     * "ya" would match every word that starts with "ya".
     */
    private static final Set<String> SWAHILI_CONNECTIVES = Set.of(
            "ya", "wa", "la", "cha", "vya", "za", "kwa", "na", "katika", "pa", "mwa", "kwenye");

    /** Null when the text holds no word to search for. */
    static SearchQuery parse(String raw) {
        if (raw == null) {
            return null;
        }
        List<String> words = new ArrayList<>();
        Matcher matcher = WORD.matcher(raw.toLowerCase(Locale.ROOT));
        while (matcher.find() && words.size() < MAX_WORDS) {
            String word = matcher.group();
            words.add(word.length() > MAX_WORD_LENGTH ? word.substring(0, MAX_WORD_LENGTH) : word);
        }
        if (words.isEmpty()) {
            return null;
        }
        List<String> swahiliWords = words.stream().filter(word -> !SWAHILI_CONNECTIVES.contains(word)).toList();
        if (swahiliWords.isEmpty()) {
            swahiliWords = words;
        }
        return new SearchQuery(String.join(" ", words), prefixes(words), prefixes(swahiliWords));
    }

    private static String prefixes(List<String> words) {
        return words.stream().map(word -> word + ":*").collect(Collectors.joining(" & "));
    }
}
