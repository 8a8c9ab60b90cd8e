package io.huduma.identity.code;

/** A one-time code as it is stored: a keyed, salted hash (hex) and its salt (hex), never the code. */
public record CodeHash(String hash, String salt) {
}
