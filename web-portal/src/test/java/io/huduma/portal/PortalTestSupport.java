package io.huduma.portal;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.OidcLoginRequestPostProcessor;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One Spring context for every page test: the portal as it runs, with MockMvc in front and a loopback
 * {@link FakeGateway} behind it (the only API the portal calls). People are signed in with Spring
 * Security's {@code oidcLogin()}, their access token stored in the session like a real sign-in.
 */
@SpringBootTest(properties = {
        "eureka.client.enabled=false",
        "management.server.port=",
        "huduma.portal.keycloak.public-url=http://keycloak.test:8180",
        "huduma.portal.keycloak.internal-url=http://127.0.0.1:1"})
@AutoConfigureMockMvc
abstract class PortalTestSupport {

    static final String SERVICE_ID = "0b4f5e2a-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
    static final String REQUEST_ID = "7d9e1f20-3a4b-4c5d-8e6f-a0b1c2d3e4f5";
    /** The access token Spring Security's test support stores for a signed-in person. */
    static final String TOKEN = "access-token";
    static final FakeGateway GATEWAY = new FakeGateway();

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("huduma.portal.gateway-url", GATEWAY::url);
    }

    @AfterAll
    static void keepServer() {
        // the server lives as long as the cached context; the JVM ends it
    }

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void resetGateway() {
        GATEWAY.reset();
        GATEWAY.json("GET", "/api/v1/agencies", 200, AGENCIES)
                .json("GET", "/api/v1/agencies/brela", 200, AGENCY)
                .json("GET", "/api/v1/services", 200, SEARCH)
                .json("GET", "/api/v1/services/" + SERVICE_ID, 200, SERVICE)
                .json("GET", "/api/v1/services/" + SERVICE_ID + "/versions/1", 200, SERVICE);
    }

    static OidcLoginRequestPostProcessor citizen() {
        return person("citizen-subject", "Neema Mollel", null, "citizen");
    }

    static OidcLoginRequestPostProcessor officer() {
        return person("officer-subject", "Officer Brela", "brela", "agency-officer");
    }

    static OidcLoginRequestPostProcessor agencyAdmin() {
        return person("admin-subject", "Admin Brela", "brela", "agency-admin");
    }

    static OidcLoginRequestPostProcessor person(String subject, String name, String agency, String... roles) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (String role : roles) {
            authorities.add(new SimpleGrantedAuthority("ROLE_" + role));
        }
        OidcIdToken idToken = new OidcIdToken("id-token-value", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", subject, "name", name, "iss", "http://keycloak.test:8180/realms/huduma"));
        Map<String, Object> info = new java.util.LinkedHashMap<>();
        info.put("sub", subject);
        info.put("name", name);
        info.put("huduma_roles", List.of(roles));
        if (agency != null) {
            info.put("agency", agency);
        }
        return oidcLogin().clientRegistration(registration())
                .oidcUser(new DefaultOidcUser(authorities, idToken, new OidcUserInfo(info), "sub"));
    }

    private static org.springframework.security.oauth2.client.registration.ClientRegistration registration() {
        return org.springframework.security.oauth2.client.registration.ClientRegistration.withRegistrationId("keycloak")
                .clientId("huduma-portal").clientSecret("dev-secret-web-portal")
                .authorizationGrantType(org.springframework.security.oauth2.core.AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .authorizationUri("http://keycloak.test:8180/realms/huduma/protocol/openid-connect/auth")
                .tokenUri("http://127.0.0.1:1/realms/huduma/protocol/openid-connect/token")
                .build();
    }

    static final String AGENCIES = """
            [{"code":"brela","name":"Wakala wa Usajili wa Biashara na Leseni","status":"ACTIVE"},
             {"code":"rita","name":"Wakala wa Usajili, Ufilisi na Udhamini","status":"ACTIVE"}]""";

    static final String AGENCY = """
            {"code":"brela","name":"Wakala wa Usajili wa Biashara na Leseni","status":"ACTIVE",
             "contactEmail":"info@brela.go.tz","contactPhone":"+255222212800","website":"https://www.brela.go.tz"}""";

    static final String SEARCH = """
            {"items":[{"id":"%s","version":1,"agencyCode":"brela","agencyName":"BRELA","slug":"business-licence",
              "name":"Leseni ya Biashara","description":"Omba leseni ya biashara.","category":"business",
              "channels":["web"],"fee":{"amountMinor":3000000,"currency":"TZS"},"free":false,"slaWorkingDays":7}],
             "page":0,"size":20,"totalItems":1,"totalPages":1,"query":"leseni","language":"sw"}""".formatted(SERVICE_ID);

    /** A service whose form has each kind of field: text, number, date, choice, yes/no, a group and a list. */
    static final String FORM_SCHEMA = """
            {"type":"object","required":["fullName","employees","startDate","region","hasPremises"],
             "additionalProperties":false,
             "properties":{
              "fullName":{"type":"string","maxLength":120,"x-label":{"sw":"Jina kamili","en":"Full name"},
                          "x-help":{"sw":"Kama kwenye kitambulisho","en":"As on your ID"}},
              "employees":{"type":"integer","minimum":0,"maximum":1000,"x-label":{"sw":"Idadi ya wafanyakazi","en":"Number of employees"}},
              "startDate":{"type":"string","format":"date","x-label":{"sw":"Tarehe ya kuanza","en":"Start date"}},
              "region":{"type":"string","enum":["dar-es-salaam","arusha"],"x-label":{"sw":"Mkoa","en":"Region"},
                        "x-enum-labels":{"dar-es-salaam":{"sw":"Dar es Salaam","en":"Dar es Salaam"},"arusha":{"sw":"Arusha","en":"Arusha"}}},
              "hasPremises":{"type":"boolean","x-label":{"sw":"Una eneo la biashara?","en":"Do you have business premises?"}},
              "owner":{"type":"object","x-label":{"sw":"Mmiliki","en":"Owner"},
                       "properties":{"nin":{"type":"string","pattern":"^[0-9]{20}$","x-label":{"sw":"Namba ya NIDA","en":"NIDA number"}}}},
              "products":{"type":"array","items":{"type":"string"},"x-label":{"sw":"Bidhaa","en":"Products"}}
             }}""";

    static final String SERVICE = """
            {"id":"%s","version":1,"latestVersion":1,"status":"PUBLISHED","agencyCode":"brela","agencyName":"BRELA",
             "slug":"business-licence","name":"Leseni ya Biashara","description":"Omba leseni ya biashara yako.",
             "category":"business","eligibility":"Mfanyabiashara aliyesajiliwa.","requiredDocuments":["Cheti cha usajili","TIN"],
             "formSchema":%s,"fee":{"amountMinor":3000000,"currency":"TZS"},"free":false,"slaWorkingDays":7,
             "channels":["web"],"contact":{"email":"leseni@brela.go.tz","phone":"+255222212800","office":"Ofisi ya BRELA, Dar es Salaam"},
             "publishedAt":"2026-01-05T08:00:00Z","language":"sw"}""".formatted(SERVICE_ID, FORM_SCHEMA);

    static String request(String status, int version) {
        return """
                {"id":"%s","trackingNumber":"HD-7K3P-9QX2","status":"%s","serviceId":"%s","serviceVersion":1,
                 "agencyCode":"brela","serviceName":{"sw":"Leseni ya Biashara","en":"Business Licence"},
                 "fee":{"amountMinor":3000000,"currency":"TZS"},"slaWorkingDays":7,"channel":"web",
                 "answers":{"fullName":"Neema Mollel","employees":3,"startDate":"2026-03-01","region":"arusha","hasPremises":true},
                 "submittedAt":"2026-02-02T07:00:00Z","updatedAt":"2026-02-02T07:00:00Z","dueDate":"2026-02-11","onTime":true,
                 "visibleNote":"Tafadhali tuma nakala ya mkataba wa pango.","version":%d,"citizenSubject":"citizen-subject"}"""
                .formatted(REQUEST_ID, status, SERVICE_ID, version);
    }

    static final String TIMELINE = """
            [{"at":"2026-02-02T07:00:00Z","kind":"SUBMITTED","toStatus":"SUBMITTED","actor":"citizen"},
             {"at":"2026-02-03T07:00:00Z","kind":"STATUS_CHANGED","fromStatus":"IN_REVIEW","toStatus":"NEEDS_INFO","actor":"agency-officer",
              "office":"brela","note":"Tafadhali tuma nakala ya mkataba wa pango."}]""";
}
