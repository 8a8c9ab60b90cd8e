package io.huduma.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What a first visit downloads (the page and its one stylesheet; no script, font or image), printed as a
 * figure; the limit is the 100 KB. The browser journey measures the same pages over the network.
 */
class PageWeightsTest extends PortalTestSupport {

    @Test
    void homeSearchServiceAndApplyWeighFarLessThan100KbWithTheirStylesheet() throws Exception {
        int css = mvc.perform(get("/css/huduma.css")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray().length;
        Map<String, Integer> weights = new LinkedHashMap<>();
        weights.put("home", weigh(get("/")));
        weights.put("search", weigh(get("/services").param("q", "leseni")));
        weights.put("service", weigh(get("/services/" + SERVICE_ID)));
        weights.put("apply", weigh(get("/services/" + SERVICE_ID + "/apply").with(citizen())));
        System.out.println("web-portal page weights (HTML bytes, uncompressed; + " + css + " bytes of CSS once): " + weights);
        weights.forEach((page, bytes) -> assertThat(bytes + css).as(page).isLessThan(100_000));
    }

    private int weigh(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray().length;
    }
}
