package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

/** Home, search, the service page; Swahili first, the language switch, CSRF and the security headers. */
class CatalogPagesTest extends PortalTestSupport {

    @Test
    void theHomePageIsInSwahiliByDefaultWithStrictHeadersAndNoScript() throws Exception {
        MvcResult page = mvc.perform(get("/")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("form-action 'self' http://keycloak.test:8180"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"))))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("<html lang=\"sw\"", "Karibu Huduma", "Leseni ya Biashara", "Ingia", "Jisajili")
                .doesNotContain("<script", "style=\"");
        assertThat(html.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as("home page weight").isLessThan(100_000);
        java.util.regex.Matcher css = java.util.regex.Pattern.compile("href=\"(/css/huduma-[0-9a-f]{32}\\.css)\"").matcher(html);
        assertThat(css.find()).as("the stylesheet is named after its content").isTrue();
        mvc.perform(get(css.group(1))).andExpect(status().isOk())
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("max-age=31536000")));
        assertThat(GATEWAY.calls("GET", "/api/v1/services")).first()
                .satisfies(call -> assertThat(call.header("Accept-Language")).isEqualTo("sw"))
                .satisfies(call -> assertThat(call.header("Authorization")).as("anonymous: no token").isNull());
    }

    @Test
    void theLanguageSwitchIsAFormWithCsrfRememberedInACookie() throws Exception {
        MvcResult switched = mvc.perform(post("/language").param("lang", "en").param("next", "/services?q=leseni").with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/services?q=leseni"))
                .andExpect(cookie().value("HUDUMA_LANG", "en"))
                .andExpect(cookie().httpOnly("HUDUMA_LANG", true))
                .andReturn();
        Cookie lang = switched.getResponse().getCookie("HUDUMA_LANG");
        String english = mvc.perform(get("/").cookie(lang)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("<html lang=\"en\"", "Welcome to Huduma", "Sign in");
        assertThat(GATEWAY.calls("GET", "/api/v1/services").get(0).header("Accept-Language")).isEqualTo("en");

        mvc.perform(post("/language").param("lang", "en")).andExpect(status().isForbidden());
        mvc.perform(post("/language").param("lang", "en").param("next", "//evil.example/x").with(csrf()))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void searchPassesItsFiltersToTheApiAndShowsTheResults() throws Exception {
        String html = mvc.perform(get("/services").param("q", "leseni ya biashara").param("agency", "brela").param("category", "business"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Leseni ya Biashara", "Huduma 1 zimepatikana", "TZS 30,000", "siku 7 za kazi");
        assertThat(GATEWAY.calls("GET", "/api/v1/services?")).anySatisfy(call -> assertThat(call.path())
                .contains("q=leseni%20ya%20biashara", "agency=brela", "category=business"));
        assertThat(html).contains("<label for=\"agency\"", "<label for=\"category\"", "<label for=\"q\"");
    }

    @Test
    void theServicePageHasEverythingBeforeApplying() throws Exception {
        String html = mvc.perform(get("/services/" + SERVICE_ID)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(html).contains("Omba leseni ya biashara yako.", "Mfanyabiashara aliyesajiliwa.", "Cheti cha usajili",
                "TZS 30,000", "siku 7 za kazi", "leseni@brela.go.tz", "+255222212800", "Ofisi ya BRELA, Dar es Salaam",
                "/services/" + SERVICE_ID + "/apply");
    }

    @Test
    void anUnknownServiceIsANotFoundPageInTheRightLanguage() throws Exception {
        mvc.perform(get("/services/" + REQUEST_ID)).andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Hatukupata ulichotafuta")));
        mvc.perform(get("/services/..%2F..%2Factuator")).andExpect(status().is4xxClientError());
    }

    @Test
    void anUnreachableGatewayIsAClearPageNotAStackTrace() throws Exception {
        GATEWAY.json("GET", "/api/v1/services", 503, "{\"title\":\"Service unavailable\",\"status\":503}");
        mvc.perform(get("/")).andExpect(status().isServiceUnavailable())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Huduma haipatikani kwa sasa")));
    }
}
