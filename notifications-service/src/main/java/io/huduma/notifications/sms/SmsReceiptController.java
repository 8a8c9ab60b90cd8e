package io.huduma.notifications.sms;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import io.huduma.platform.problem.ApiProblem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Delivery reports of the HTTP SMS provider. The provider holds no token of ours: the callback URL we
 * gave it carries a shared key, checked in constant time.
 */
@RestController
class SmsReceiptController {

    /** A delivery report as the provider posts it. */
    record HttpReceipt(@NotBlank String messageId, String to, @NotBlank String status, String deliveredAt) {
    }

    private final SmsReceipts receipts;
    private final byte[] key;

    SmsReceiptController(SmsReceipts receipts, SmsProperties properties) {
        this.receipts = receipts;
        this.key = properties.http().callbackKey().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(HttpSmsProvider.CALLBACK_PATH)
    ResponseEntity<Void> receipt(@RequestParam(name = "key", defaultValue = "") String given,
                                 @Valid @RequestBody HttpReceipt receipt) {
        if (!MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.forbidden("unknown callback key");
        }
        if ("DELIVERED".equalsIgnoreCase(receipt.status())) {
            receipts.delivered("http", receipt.messageId());
        } else {
            receipts.undeliverable("http", receipt.messageId(), "HTTP provider reported " + receipt.status());
        }
        return ResponseEntity.noContent().build();
    }
}
