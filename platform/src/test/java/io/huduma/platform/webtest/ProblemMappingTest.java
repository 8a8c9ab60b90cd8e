package io.huduma.platform.webtest;

import static io.huduma.platform.webtest.TestTokens.citizen;
import static io.huduma.platform.webtest.TestTokens.token;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.huduma.platform.correlation.Correlation;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Every kind of error a servlet service can meet, as the platform renders it: RFC 9457
 * problem+json with type, localized title, status, detail, instance, correlationId and errors.
 */
@WebMvcTest(TestController.class)
class ProblemMappingTest {

    private static final String TYPE = "https://huduma.go.tz/problems/";

    @Autowired
    MockMvc mvc;

    private ResultActions isProblem(ResultActions result, int status, String slug) throws Exception {
        return result.andExpect(status().is(status))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(TYPE + slug))
                .andExpect(jsonPath("$.status").value(status))
                .andExpect(jsonPath("$.title").isNotEmpty())
                .andExpect(jsonPath("$.instance").isNotEmpty())
                .andExpect(jsonPath("$.correlationId").isNotEmpty());
    }

    @Nested
    class BadInput {

        @Test
        void beanValidationErrorsPointAtTheFieldsAsJsonPointers() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("""
                            {"name": {"sw": "", "en": "Licence"}, "fees": [{"amount": -5, "currency": "TZS"}]}
                            """)), 400, "validation-failed")
                    .andExpect(jsonPath("$.instance").value("/test/things"))
                    .andExpect(jsonPath("$.errors", hasSize(2)))
                    .andExpect(jsonPath("$.errors[*].pointer", hasItem("/name/sw")))
                    .andExpect(jsonPath("$.errors[*].pointer", hasItem("/fees/0/amount")))
                    .andExpect(jsonPath("$.errors[*].message", hasItem("haipaswi kuwa tupu")));
        }

        @Test
        void validationMessagesFollowTheLanguageToo() throws Exception {
            mvc.perform(post("/test/things").with(citizen())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": {\"sw\": \"\", \"en\": \"Licence\"}}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.title").value("Invalid input"))
                    .andExpect(jsonPath("$.errors[0].message").value("must not be blank"));
        }

        @Test
        void malformedJsonIsA400() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"name\": {")), 400, "malformed-body")
                    .andExpect(jsonPath("$.detail").isNotEmpty());
        }

        @Test
        void missingBodyIsA400() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen()).contentType(MediaType.APPLICATION_JSON)),
                    400, "malformed-body");
        }

        @Test
        void aValueOfTheWrongTypeInTheBodyPointsAtIt() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": {\"sw\": \"Leseni\", \"en\": \"Licence\"}, \"count\": \"many\"}")),
                    400, "malformed-body")
                    .andExpect(jsonPath("$.errors[0].pointer").value("/count"));
        }

        @Test
        void controlCharactersInATextAreA400NamingTheField() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": {\"sw\": \"Leseni\\u0000\", \"en\": \"Licence\"}}")),
                    400, "malformed-body")
                    .andExpect(jsonPath("$.errors[0].pointer").value("/name/sw"))
                    .andExpect(jsonPath("$.errors[0].message").value("must not contain control characters"));
        }

        @Test
        void tabsAndLineBreaksAreText() throws Exception {
            mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\": {\"sw\": \"Mstari\\nwa pili\\tna tabo\", \"en\": \"Licence\"}}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.name").value("Mstari\nwa pili\tna tabo"));
        }

        @Test
        void aPathVariableOfTheWrongTypeIsA400() throws Exception {
            isProblem(mvc.perform(get("/test/things/abc").with(citizen())), 400, "invalid-parameter")
                    .andExpect(jsonPath("$.errors[0].pointer").value("id"));
        }

        @Test
        void aMissingQueryParameterIsA400() throws Exception {
            isProblem(mvc.perform(get("/test/search").with(citizen())), 400, "invalid-parameter")
                    .andExpect(jsonPath("$.errors[0].pointer").value("q"));
        }

        @Test
        void aConstrainedQueryParameterOutOfRangeIsA400() throws Exception {
            isProblem(mvc.perform(get("/test/search?q=x&size=1000").with(citizen())), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].pointer").value("size"));
        }

        @Test
        void aBodyOverTheLimitIsA413BeforeItIsRead() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"pad\": \"" + "x".repeat(300 * 1024) + "\"}")), 413, "payload-too-large");
        }
    }

    @Nested
    class Routing {

        @Test
        void anUnknownRouteIsA404Problem() throws Exception {
            isProblem(mvc.perform(get("/api/v1/nothing-here").with(citizen())), 404, "not-found")
                    .andExpect(jsonPath("$.instance").value("/api/v1/nothing-here"))
                    .andExpect(jsonPath("$.detail", not(containsString("static resource"))));
        }

        @Test
        void aWrongMethodIsA405WithAllow() throws Exception {
            isProblem(mvc.perform(delete("/test/things").with(citizen())), 405, "method-not-allowed")
                    .andExpect(header().string(HttpHeaders.ALLOW, containsString("GET")));
        }

        @Test
        void anUnsupportedContentTypeIsA415() throws Exception {
            isProblem(mvc.perform(post("/test/things").with(citizen())
                    .contentType(MediaType.TEXT_PLAIN).content("hello")), 415, "unsupported-media-type");
        }

        @Test
        void anUnproducibleAcceptIsA406StillWrittenAsProblemJson() throws Exception {
            isProblem(mvc.perform(get("/test/things").with(citizen()).accept(MediaType.APPLICATION_XML)),
                    406, "not-acceptable");
        }
    }

    @Nested
    class ServiceProblems {

        @Test
        void notFoundKeepsTheServicesDetail() throws Exception {
            isProblem(mvc.perform(get("/test/things/404").with(citizen())), 404, "not-found")
                    .andExpect(jsonPath("$.detail").value("No thing 404"))
                    .andExpect(jsonPath("$.instance").value("/test/things/404"));
        }

        @Test
        void conflictIsA409() throws Exception {
            isProblem(mvc.perform(get("/test/things/409").with(citizen())), 409, "conflict");
        }

        @Test
        void unprocessableCarriesItsViolations() throws Exception {
            isProblem(mvc.perform(get("/test/things/422").with(citizen())), 422, "unprocessable")
                    .andExpect(jsonPath("$.errors[0].pointer").value("/form/phone"))
                    .andExpect(jsonPath("$.errors[0].message").value("must be an E.164 number"));
        }

        @Test
        void aServiceSlugBecomesTheTypeAndTheTitleFallsBackToTheStatus() throws Exception {
            isProblem(mvc.perform(get("/test/things/418").with(citizen())
                    .header(HttpHeaders.ACCEPT_LANGUAGE, "en")), 409, "thing-retired")
                    .andExpect(jsonPath("$.title").value("Conflict"));
        }

        @Test
        void aDomainRefusalIsMappedByItsKind() throws Exception {
            isProblem(mvc.perform(get("/test/things/4000").with(citizen())), 400, "validation-failed")
                    .andExpect(jsonPath("$.errors[0].pointer").value("/phoneNumber"))
                    .andExpect(jsonPath("$.errors[0].message").value("is not a mobile number"));
            isProblem(mvc.perform(get("/test/things/4030").with(citizen())), 403, "forbidden")
                    .andExpect(jsonPath("$.detail").value("Not your agency"));
            isProblem(mvc.perform(get("/test/things/4290").with(citizen())), 429, "too-many-requests")
                    .andExpect(header().string(HttpHeaders.RETRY_AFTER, "42"));
        }

        @Test
        void aDatabaseConstraintIsA409NotA500() throws Exception {
            isProblem(mvc.perform(get("/test/things/23505").with(citizen())), 409, "conflict")
                    .andExpect(jsonPath("$.detail", not(containsString("thing_pk"))));
        }

        @Test
        void anUnexpectedErrorIsA500WithoutInternals() throws Exception {
            isProblem(mvc.perform(get("/test/things/500").with(citizen())
                    .header(Correlation.HTTP_HEADER, "trace-500")), 500, "internal-error")
                    .andExpect(jsonPath("$.correlationId").value("trace-500"))
                    .andExpect(jsonPath("$.detail", containsString("trace-500")))
                    .andExpect(content().string(not(containsString("hunter2"))))
                    .andExpect(content().string(not(containsString("IllegalStateException"))))
                    .andExpect(content().string(not(containsString("at io.huduma"))));
        }
    }

    @Nested
    class Languages {

        @Test
        void swahiliIsTheDefault() throws Exception {
            mvc.perform(get("/test/things/404").with(citizen()))
                    .andExpect(jsonPath("$.title").value("Haikupatikana"));
        }

        @Test
        void englishWhenAsked() throws Exception {
            mvc.perform(get("/test/things/404").with(citizen()).header(HttpHeaders.ACCEPT_LANGUAGE, "en-GB,en;q=0.8"))
                    .andExpect(jsonPath("$.title").value("Not found"));
        }

        @Test
        void swahiliForALanguageThePlatformDoesNotSpeak() throws Exception {
            mvc.perform(get("/test/things/404").with(citizen()).header(HttpHeaders.ACCEPT_LANGUAGE, "fr"))
                    .andExpect(jsonPath("$.title").value("Haikupatikana"));
        }

        @Test
        void platformDetailsAreTranslatedToo() throws Exception {
            mvc.perform(get("/api/v1/nowhere").with(citizen()).header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
                    .andExpect(jsonPath("$.detail").value("There is nothing at /api/v1/nowhere."));
            mvc.perform(get("/api/v1/nowhere").with(citizen()).header(HttpHeaders.ACCEPT_LANGUAGE, "sw"))
                    .andExpect(jsonPath("$.detail").value("Hakuna kitu katika /api/v1/nowhere."));
        }
    }

    @Nested
    class Security {

        @Test
        void noTokenIsA401ProblemWithTheBearerChallenge() throws Exception {
            isProblem(mvc.perform(get("/test/things/1")), 401, "unauthenticated")
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
        }

        @Test
        void theWrongRoleIsA403Problem() throws Exception {
            isProblem(mvc.perform(get("/test/citizen/me").with(token("officer-1", "brela", "agency-officer"))),
                    403, "forbidden");
        }

        @Test
        void theRightRolePasses() throws Exception {
            mvc.perform(get("/test/citizen/me").with(citizen()))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.subject").value("citizen-1"));
        }

        @Test
        void methodSecurityDeniesAnonymousWith401AndOthersWith403() throws Exception {
            isProblem(mvc.perform(get("/test/public/admin-only")), 401, "unauthenticated")
                    .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, startsWith("Bearer")));
            isProblem(mvc.perform(get("/test/public/admin-only").with(citizen())), 403, "forbidden");
            mvc.perform(get("/test/public/admin-only").with(token("root", null, "platform-admin")))
                    .andExpect(status().isOk());
        }

        @Test
        void theCallerComesFromTheToken() throws Exception {
            mvc.perform(get("/test/caller").with(token("officer-7", "brela", "agency-officer")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.subject").value("officer-7"))
                    .andExpect(jsonPath("$.roles", hasItem("agency-officer")))
                    .andExpect(jsonPath("$.agency").value("brela"))
                    .andExpect(jsonPath("$.anonymous").value(false));
        }

        @Test
        void anAnonymousCallerOnAPublicEndpoint() throws Exception {
            mvc.perform(get("/test/public/hello"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.anonymous").value(true));
        }
    }

    @Nested
    class CorrelationIds {

        @Test
        void theCallersIdIsEchoedAndPutInTheProblem() throws Exception {
            mvc.perform(get("/test/things/404").with(citizen()).header(Correlation.HTTP_HEADER, "abc-123"))
                    .andExpect(header().string(Correlation.HTTP_HEADER, "abc-123"))
                    .andExpect(jsonPath("$.correlationId").value("abc-123"));
        }

        @Test
        void aForgedIdIsReplaced() throws Exception {
            mvc.perform(get("/test/things/404").with(citizen()).header(Correlation.HTTP_HEADER, "x\ny=1 <script>"))
                    .andExpect(header().string(Correlation.HTTP_HEADER, not(containsString("script"))))
                    .andExpect(jsonPath("$.correlationId", not(containsString("script"))));
        }

        @Test
        void evenA401CarriesTheId() throws Exception {
            mvc.perform(get("/test/things/1").header(Correlation.HTTP_HEADER, "no-token-1"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(header().string(Correlation.HTTP_HEADER, "no-token-1"))
                    .andExpect(jsonPath("$.correlationId").value("no-token-1"));
        }
    }
}
