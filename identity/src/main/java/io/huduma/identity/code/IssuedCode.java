package io.huduma.identity.code;

/** A fresh one-time code and its hash. Only the hash may be stored; the code goes to {@link OtpSender} alone. */
public record IssuedCode(String code, CodeHash hash) {

    @Override
    public String toString() {
        // never let the code reach a log line by accident
        return "IssuedCode[code=******, hash=" + hash.hash() + "]";
    }
}
