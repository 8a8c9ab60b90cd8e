package io.huduma.notifications.template;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxSmsSegments the most SMS parts one message may take (each part is paid for) */
@ConfigurationProperties("huduma.notifications.templates")
record TemplateProperties(Integer maxSmsSegments) {

    TemplateProperties {
        maxSmsSegments = maxSmsSegments == null ? 2 : maxSmsSegments;
    }
}
