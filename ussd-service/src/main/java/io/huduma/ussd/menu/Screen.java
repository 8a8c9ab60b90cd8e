package io.huduma.ussd.menu;

/**
 * What the aggregator shows: {@code CON text} (the session goes on) or {@code END text} (it is over).
 * The menu builds every screen so that the whole answer, prefix included, fits {@link #LIMIT} characters.
 */
public record Screen(boolean end, String text) {

    /** Characters a USSD screen holds (GSM 7-bit, one message). */
    public static final int LIMIT = 182;

    static Screen con(String text) {
        return new Screen(false, text);
    }

    static Screen end(String text) {
        return new Screen(true, text);
    }

    /** The body of the aggregator's answer. */
    public String body() {
        return (end ? "END " : "CON ") + text;
    }

    /** The screen an answer body shows ({@code CON ...} or {@code END ...}). */
    public static Screen parse(String body) {
        return new Screen(body.startsWith("END "), body.length() >= 4 ? body.substring(4) : "");
    }

    /** The answer to a callback for a session that is over (ended or expired). */
    public static Screen sessionOver() {
        return end("Kikao kimekwisha. Piga tena. / The session is over. Dial again.");
    }

    /** The answer to a callback whose phone is not the session's. */
    public static Screen wrongPhone() {
        return end("Kikao si chako. / Not your session.");
    }
}
