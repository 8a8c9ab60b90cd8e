package io.huduma.ussd.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.huduma.ussd.menu.Screen;
import io.huduma.ussd.menu.SessionState;
import io.huduma.ussd.menu.UssdMenu;
import io.huduma.ussd.menu.UssdMenu.Line;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Playing a USSD session callback by callback. The aggregator sends every input so far
 * ({@code text}, {@code *}-separated); the session remembers how many it has taken, so a repeated
 * callback (a retry) gets the same screen again and changes nothing. A session that ends is deleted
 * at once; an idle one expires after the aggregator's timeout.
 */
@Service
@EnableConfigurationProperties(SessionProperties.class)
public class PlayingSessions {

    private final SessionRepository sessions;
    private final UssdMenu menu;
    private final SessionProperties properties;
    private final Clock clock;

    PlayingSessions(SessionRepository sessions, UssdMenu menu, SessionProperties properties, Optional<Clock> clock) {
        this.sessions = sessions;
        this.menu = menu;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** One aggregator callback, from a phone the aggregator vouches for (E.164). */
    public record Callback(String sessionId, String serviceCode, String phone, String text) {

        @Override
        public String toString() {
            return "Callback[" + sessionId + "]";
        }
    }

    @Transactional
    public Screen play(Callback callback) {
        Instant now = clock.instant();
        List<String> inputs = inputs(callback.text());
        Line line = new Line(callback.sessionId(), callback.phone());
        Optional<StoredSession> found = sessions.lock(callback.sessionId(), now);
        if (found.isEmpty()) {
            if (!inputs.isEmpty()) {
                return Screen.sessionOver();
            }
            SessionState state = new SessionState();
            Screen screen = menu.start(state, line);
            if (screen.end()) {
                return screen;
            }
            if (sessions.insert(new StoredSession(callback.sessionId(), callback.phone(), state, 0, screen.body(),
                    now.plus(properties.timeout())))) {
                return screen;
            }
            // a concurrent first callback of the same session won: answer what it answered
            return sessions.lock(callback.sessionId(), now).map(s -> Screen.parse(s.lastScreen())).orElse(screen);
        }
        StoredSession session = found.get();
        if (!session.phone().equals(callback.phone())) {
            return Screen.wrongPhone();
        }
        if (inputs.size() <= session.inputsSeen()) {
            return Screen.parse(session.lastScreen());
        }
        SessionState state = session.state();
        Screen screen = Screen.parse(session.lastScreen());
        for (int i = session.inputsSeen(); i < inputs.size() && !screen.end(); i++) {
            screen = menu.next(state, line, inputs.get(i));
        }
        if (screen.end()) {
            // nothing personal outlives the session
            sessions.delete(session.sessionId());
        } else {
            sessions.update(new StoredSession(session.sessionId(), session.phone(), state, inputs.size(), screen.body(),
                    now.plus(properties.timeout())));
        }
        return screen;
    }

    /** Deletes sessions idle past the timeout; returns how many. */
    @Transactional
    public int purgeExpired() {
        return sessions.purgeExpired(clock.instant());
    }

    private static List<String> inputs(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\\*", -1));
    }
}
