package io.huduma.ussd.menu;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.huduma.platform.language.Language;

/**
 * Where one USSD session stands, kept server-side between callbacks (as JSON) and deleted with the
 * session: the screen, the page of a list, the chosen agency and service, the answers so far.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public final class SessionState {

    Language language = Language.SW;
    Step step = Step.MAIN;
    int page;
    /** Whether identity was asked for the phone's account already (and {@code subject} is the answer). */
    boolean citizenKnown;
    String subject;
    /** Browsing to apply (menu 2, or "apply" on a service) rather than to read. */
    boolean applying;
    String agencyCode;
    String serviceId;
    int question;
    Map<String, Object> answers = new LinkedHashMap<>();
    /** Where to go once a phone without an account has registered. */
    Step afterRegistration;
    String registrationName;
    Language registrationLanguage;

    public SessionState() {
    }

    public Language language() {
        return language;
    }
}
