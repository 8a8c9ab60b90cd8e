package io.huduma.ussd.menu;

import java.util.Locale;

import io.huduma.platform.language.Language;

/** Every text the menu shows, Swahili first, English second. Kept short: a screen holds 182 characters. */
enum Texts {
    WELCOME("Karibu Huduma", "Welcome to Huduma"),
    MENU_FIND("Tafuta huduma", "Find a service"),
    MENU_APPLY("Omba huduma", "Apply for a service"),
    MENU_STATUS("Hali ya ombi", "Check a request"),
    MENU_RECENT("Maombi yangu", "My requests"),
    MENU_LANGUAGE("Lugha/Language", "Language/Lugha"),
    MORE("Zaidi", "More"),
    BACK("Rudi", "Back"),
    WRONG_CHOICE("Chaguo si sahihi.", "Invalid choice."),
    CHOOSE_AGENCY("Chagua taasisi:", "Choose an agency:"),
    CHOOSE_SERVICE("Chagua huduma:", "Choose a service:"),
    NO_SERVICES("Hakuna huduma za USSD kwa sasa.", "No USSD services for now."),
    FEE("Ada", "Fee"),
    FREE("Bure", "Free"),
    WORKING_DAYS("Siku %d za kazi", "%d working days"),
    APPLY("Omba", "Apply"),
    NOT_FOR_PHONE("Huduma hii haiwezi kuombwa kwa simu hii. Tumia tovuti.", "This service cannot be applied for by USSD. Use the website."),
    YES("Ndiyo", "Yes"),
    NO("Hapana", "No"),
    SKIP("Ruka", "Skip"),
    NUMBER_HINT("Weka namba", "Enter a number"),
    NUMBER_RANGE("Weka namba %s-%s", "Enter a number %s-%s"),
    TEXT_HINT("Andika (herufi %d-%d)", "Type (%d-%d letters)"),
    WRONG_ANSWER("Jibu si sahihi.", "Invalid answer."),
    CONFIRM("Thibitisha ombi:", "Confirm the application:"),
    SEND("Tuma", "Send"),
    CANCEL("Ghairi", "Cancel"),
    SUBMITTED("Ombi limepokelewa. Namba: %s. Litashughulikiwa hadi %s. Utapokea SMS.",
            "Application received. Number: %s. Due by %s. An SMS will follow."),
    CANCELLED("Ombi limeghairiwa. Asante.", "Application cancelled. Thank you."),
    ENTER_TRACKING("Weka namba ya ombi (mf. HD-7K3P-9QX2):", "Enter the tracking number (e.g. HD-7K3P-9QX2):"),
    NOT_FOUND("Haikupatikana.", "Not found."),
    STATUS_LINE("Hali: %s", "Status: %s"),
    DUE_LINE("Hadi: %s", "Due: %s"),
    YOUR_REQUESTS("Maombi yako:", "Your requests:"),
    NO_REQUESTS("Huna maombi bado.", "You have no requests yet."),
    CHOOSE_LANGUAGE("Chagua lugha / Choose language:", "Choose language / Chagua lugha:"),
    NO_ACCOUNT("Namba hii haina akaunti ya Huduma.", "This number has no Huduma account."),
    REGISTER("Jisajili", "Register"),
    ENTER_NAME("Weka jina lako kamili:", "Enter your full name:"),
    WRONG_NAME("Jina si sahihi (herufi 3-80).", "Invalid name (3-80 letters)."),
    PREFERRED_LANGUAGE("Lugha unayopendelea:", "Preferred language:"),
    REGISTER_AS("Sajili akaunti kwa jina %s?", "Register an account as %s?"),
    REGISTERED("Umesajiliwa! SMS itakueleza jinsi ya kuweka nenosiri la tovuti.",
            "You are registered! An SMS tells how to set a web password."),
    CONTINUE("Endelea", "Continue"),
    MAIN_MENU("Menyu kuu", "Main menu"),
    GOODBYE("Asante kwa kutumia Huduma.", "Thank you for using Huduma."),
    UNAVAILABLE("Huduma haipatikani kwa sasa. Jaribu tena baadaye.", "The service is unavailable. Try again later."),
    REFUSED("Ombi halikukubaliwa: %s", "Application refused: %s"),
    SESSION_OVER("Kikao kimekwisha. Piga tena.", "The session is over. Dial again."),
    STATUS_SUBMITTED("Imepokelewa", "Received"),
    STATUS_IN_REVIEW("Inashughulikiwa", "In review"),
    STATUS_NEEDS_INFO("Taarifa zaidi zinahitajika", "More information needed"),
    STATUS_APPROVED("Imekubaliwa", "Approved"),
    STATUS_REJECTED("Imekataliwa", "Rejected"),
    STATUS_COMPLETED("Imekamilika", "Completed"),
    STATUS_WITHDRAWN("Imeondolewa", "Withdrawn");

    private final String sw;
    private final String en;

    Texts(String sw, String en) {
        this.sw = sw;
        this.en = en;
    }

    String in(Language language) {
        return language.pick(sw, en);
    }

    String in(Language language, Object... args) {
        return String.format(Locale.ROOT, in(language), args);
    }

    /** The label of a requests-service status name; the name itself when unknown. */
    static String status(String status, Language language) {
        try {
            return valueOf("STATUS_" + status).in(language);
        } catch (IllegalArgumentException | NullPointerException e) {
            return status;
        }
    }
}
