package io.huduma.identity.code;

/** What a code is for; notifications-service chooses its message template by it. */
public enum Purpose {
    SIGN_UP("sign-up"),
    PHONE_CHANGE("phone-change"),
    PASSWORD_RESET("password-reset");

    private final String label;

    Purpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
