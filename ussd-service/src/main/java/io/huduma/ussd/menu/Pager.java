package io.huduma.ussd.menu;

import java.util.ArrayList;
import java.util.List;

import io.huduma.platform.language.Language;

/**
 * Long lists over several screens: items are numbered 1..n across pages, each page holds as many
 * as fit with its header, room for a hint and the {@code 98 Zaidi} / {@code 0 Rudi} lines.
 */
final class Pager {

    /** Longest item label; longer ones are cut with "..". */
    static final int MAX_LABEL = 40;
    /** Room kept on every page for a one-line hint, so a page holds the same items with or without it. */
    static final int HINT_ROOM = 20;
    static final String MORE = "98";
    static final String BACK = "0";

    private Pager() {
    }

    /** One page: its text (without hint) and the items it shows, {@code [first, last)}. */
    record Page(String text, int first, int last, boolean hasMore) {

        /** The item a number entered on this page picks, or -1. */
        int pick(String input) {
            try {
                int n = Integer.parseInt(input.strip());
                return n > first && n <= last ? n - 1 : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Page {@code page} (clamped) of {@code labels} under {@code header}; {@code back} adds "0 Rudi". */
    static Page page(String header, List<String> labels, int page, Language language, boolean back) {
        List<int[]> bounds = bounds(header, labels, language);
        int p = Math.max(0, Math.min(page, bounds.size() - 1));
        int[] b = bounds.get(p);
        StringBuilder text = new StringBuilder(header);
        for (int i = b[0]; i < b[1]; i++) {
            text.append('\n').append(i + 1).append(' ').append(cut(labels.get(i), MAX_LABEL));
        }
        boolean more = p < bounds.size() - 1;
        if (more) {
            text.append('\n').append(MORE).append(' ').append(Texts.MORE.in(language));
        }
        if (back || p > 0) {
            text.append('\n').append(BACK).append(' ').append(Texts.BACK.in(language));
        }
        return new Page(text.toString(), b[0], b[1], more);
    }

    /** The number of pages {@code labels} take under {@code header}. */
    static int pages(String header, List<String> labels, Language language) {
        return bounds(header, labels, language).size();
    }

    private static List<int[]> bounds(String header, List<String> labels, Language language) {
        int footer = ("\n" + MORE + " " + Texts.MORE.in(language)).length() + ("\n" + BACK + " " + Texts.BACK.in(language)).length();
        int budget = Screen.LIMIT - "CON ".length() - HINT_ROOM - header.length() - footer;
        List<int[]> bounds = new ArrayList<>();
        int start = 0;
        while (start < labels.size() || bounds.isEmpty()) {
            int used = 0;
            int end = start;
            while (end < labels.size()) {
                int line = ("\n" + (end + 1) + " " + cut(labels.get(end), MAX_LABEL)).length();
                if (used + line > budget && end > start) {
                    break;
                }
                used += line;
                end++;
            }
            bounds.add(new int[] {start, end});
            if (end == start) {
                break;
            }
            start = end;
        }
        return bounds;
    }

    /** {@code text} cut to {@code max} characters, ".." marking a cut. */
    static String cut(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 2).stripTrailing() + "..";
    }
}
