package io.huduma.notifications.contact;

/** An agency's names and the mailbox of its staff. */
public record AgencyMailbox(String code, String nameSw, String nameEn, String email) {
}
