package io.huduma.notifications.contact;

/**
 * How to reach a person, as identity knows it: phone (E.164) and email ("" when unknown), the language
 * of their messages ({@code sw} or {@code en}) and whether they agreed to SMS and to email.
 */
public record Contact(String subject, String displayName, String phone, String email, String language,
                      boolean smsAllowed, boolean emailAllowed) {
}
