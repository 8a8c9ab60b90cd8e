package io.huduma.catalog.service;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import io.huduma.platform.security.Caller;
import io.huduma.platform.security.Roles;
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
 * Demo data for the local stack (never production): drafts and publishes the services of
 * {@code demo/catalog-demo.json} that do not exist yet, as the agency's administrator would, so the
 * form schemas pass the real publication rules and the usual events go out.
 */
@Component
@Order(2)
@ConditionalOnBooleanProperty("huduma.catalog.demo-data.enabled")
class DemoServices implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServices.class);

    private final DraftingServices drafting;
    private final PublishingServices publishing;
    private final ServiceRepository repository;
    private final JsonMapper json;

    DemoServices(DraftingServices drafting, PublishingServices publishing, ServiceRepository repository, JsonMapper json) {
        this.drafting = drafting;
        this.publishing = publishing;
        this.repository = repository;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        int published = 0;
        try (InputStream in = new ClassPathResource("demo/catalog-demo.json").getInputStream()) {
            for (JsonNode node : json.readTree(in).path("services")) {
                String agency = node.path("agency").asString();
                ServiceContent content = json.treeToValue(node.path("content"), ServiceContent.class);
                if (repository.slugTaken(agency, content.slug())) {
                    continue;
                }
                // the seed acts as the agency's administrator: the same checks and events as through the API
                Caller admin = new Caller("demo-seed", Set.of(Roles.AGENCY_ADMIN), agency);
                PublicService service = drafting.create(admin, agency, content);
                publishing.publish(admin, service.id());
                published++;
            }
        }
        log.info("Demo data: {} services published", published);
    }
}
