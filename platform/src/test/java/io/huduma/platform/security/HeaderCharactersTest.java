package io.huduma.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.web.server.ServerWebExchange;

/** The firewalls' header rule as a loop: the same answers as Spring Security's regular expression. */
class HeaderCharactersTest {

    /** What StrictHttpFirewall and StrictServerWebExchangeFirewall use by default. */
    private static final Pattern FIREWALL_DEFAULT = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void answersAsTheFirewallsRegularExpressionOnRandomText() {
        Random random = new Random(20261202);
        int refused = 0;
        for (int n = 0; n < 50_000; n++) {
            String text = randomText(random);
            boolean expected = FIREWALL_DEFAULT.matcher(text).matches();
            assertThat(HeaderCharacters.allowed(text)).as("%s", text.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(expected);
            refused += expected ? 0 : 1;
        }
        assertThat(refused).as("the sample has refused text too").isBetween(5_000, 45_000);
    }

    @Test
    void tokensAndSwahiliPassControlsAndUnassignedDoNot() {
        assertThat(HeaderCharacters.allowed("Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln-_")).isTrue();
        assertThat(HeaderCharacters.allowed("Habari, dunia! 🇹🇿 ñ")).isTrue();
        assertThat(HeaderCharacters.allowed("")).isTrue();
        assertThat(HeaderCharacters.allowed(null)).as("an absent header").isTrue();
        assertThat(HeaderCharacters.allowed("a\u0007b")).isFalse();
        assertThat(HeaderCharacters.allowed("a\nb")).isFalse();
        assertThat(HeaderCharacters.allowed("a\u0085b")).isFalse();
        assertThat(HeaderCharacters.allowed("a\u0378b")).as("unassigned").isFalse();
    }

    @Test
    void theServletFirewallStillRefusesAControlCharacterInAHeader() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/requests");
        request.addHeader("Authorization", "Bearer abc.def.ghi");
        request.addHeader("X-Evil", "a\u0007b");
        var firewalled = HeaderCharacters.servletFirewall().getFirewalledRequest(request);
        assertThat(firewalled.getHeader("Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThatThrownBy(() -> firewalled.getHeader("X-Evil")).isInstanceOf(RequestRejectedException.class);
    }

    @Test
    void theReactiveFirewallStillRefusesAControlCharacterInAHeader() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/requests")
                .header("Authorization", "Bearer abc.def.ghi").header("X-Evil", "a\u0007b"));
        ServerWebExchange firewalled = HeaderCharacters.reactiveFirewall().getFirewalledExchange(exchange).block();
        assertThat(firewalled.getRequest().getHeaders().getFirst("Authorization")).isEqualTo("Bearer abc.def.ghi");
        assertThat(firewalled.getRequest().getHeaders().getFirst("X-Absent")).isNull();
        assertThatThrownBy(() -> firewalled.getRequest().getHeaders().getFirst("X-Evil"))
                .isInstanceOf(ServerExchangeRejectedException.class);
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(6)) {
                case 0 -> text.append((char) (0x20 + random.nextInt(0x5f))); // printable ASCII
                case 1 -> text.append((char) random.nextInt(0xa0)); // ASCII and C1 controls
                case 2 -> text.append((char) random.nextInt(0x10000)); // anywhere in the BMP, lone surrogates included
                case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x100000)); // supplementary, many unassigned
                case 4 -> text.append((char) (0x370 + random.nextInt(0x20))); // Greek, with unassigned gaps
                default -> text.append("Bearer ey");
            }
        }
        return text.toString();
    }
}
