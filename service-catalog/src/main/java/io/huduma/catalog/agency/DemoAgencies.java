package io.huduma.catalog.agency;

import java.io.IOException;
import java.io.InputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data for the local stack (never production): creates the agencies of
 * {@code demo/catalog-demo.json} that do not exist yet, through the same use case as the API.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty("huduma.catalog.demo-data.enabled")
class DemoAgencies implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAgencies.class);

    private final ManagingAgencies managing;
    private final AgencyRepository repository;
    private final JsonMapper json;

    DemoAgencies(ManagingAgencies managing, AgencyRepository repository, JsonMapper json) {
        this.managing = managing;
        this.repository = repository;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int created = 0;
        try (InputStream in = new ClassPathResource("demo/catalog-demo.json").getInputStream()) {
            for (JsonNode node : json.readTree(in).path("agencies")) {
                AgencyForm form = json.treeToValue(node, AgencyForm.class);
                if (!repository.exists(form.code())) {
                    managing.create(form);
                    created++;
                }
            }
        }
        log.info("Demo data: {} agencies created", created);
    }
}
