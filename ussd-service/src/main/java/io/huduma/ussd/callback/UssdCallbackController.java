package io.huduma.ussd.callback;

import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Validator;
import io.huduma.ussd.menu.Screen;
import io.huduma.ussd.session.PlayingSessions;
import io.huduma.ussd.session.PlayingSessions.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The aggregator's callback, {@code POST /api/v1/ussd/callback} (form or JSON), answered in
 * {@code text/plain} with {@code CON ...} or {@code END ...}. Aggregators show the body to the caller,
 * so refusals are {@code END} texts too (with a 4xx status), never problem documents.
 */
@RestController
class UssdCallbackController {

    static final String PATH = "/api/v1/ussd/callback";
    static final String KEY_HEADER = "X-Ussd-Key";
    private static final MediaType TEXT = MediaType.parseMediaType("text/plain;charset=UTF-8");
    private static final Logger log = LoggerFactory.getLogger(UssdCallbackController.class);

    private final PlayingSessions sessions;
    private final AggregatorAccess access;
    private final Validator validator;

    UssdCallbackController(PlayingSessions sessions, AggregatorAccess access, Validator validator) {
        this.sessions = sessions;
        this.access = access;
        this.validator = validator;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> form(@ModelAttribute UssdCallbackForm form, HttpServletRequest request,
                                @RequestHeader(name = KEY_HEADER, required = false) String key) {
        return answer(form, request, key);
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> json(@RequestBody UssdCallbackForm form, HttpServletRequest request,
                                @RequestHeader(name = KEY_HEADER, required = false) String key) {
        return answer(form, request, key);
    }

    private ResponseEntity<String> answer(UssdCallbackForm form, HttpServletRequest request, String key) {
        if (!access.allows(key, request.getRemoteAddr(), request.getHeader("X-Forwarded-For"))) {
            log.warn("USSD callback refused: wrong key or address {}",
                    access.callerAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For")));
            return reply(HttpStatus.FORBIDDEN, "END Ombi halikuruhusiwa. / Not allowed.");
        }
        if (form == null || !validator.validate(form).isEmpty()) {
            return reply(HttpStatus.BAD_REQUEST, "END Ombi si sahihi. / Bad request.");
        }
        Optional<String> phone = e164(form.phoneNumber());
        if (phone.isEmpty()) {
            return reply(HttpStatus.BAD_REQUEST, "END Namba ya simu si sahihi. / Invalid phone number.");
        }
        Screen screen = sessions.play(new Callback(form.sessionId(), form.serviceCode(), phone.get(),
                form.text() == null ? "" : form.text()));
        return reply(HttpStatus.OK, screen.body());
    }

    /** The caller's number in E.164 (Tanzanian numbers may come without the country code). */
    static Optional<String> e164(String number) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            Phonenumber.PhoneNumber parsed = util.parse(number.startsWith("255") ? "+" + number : number, "TZ");
            return util.isValidNumber(parsed) ? Optional.of(util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164))
                    : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    private static ResponseEntity<String> reply(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(TEXT).body(body);
    }
}
