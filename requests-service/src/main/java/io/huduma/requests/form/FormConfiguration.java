package io.huduma.requests.form;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link AnswerValidator} (it caches compiled form schemas). */
@Configuration(proxyBeanMethods = false)
class FormConfiguration {

    @Bean
    AnswerValidator answerValidator() {
        return new AnswerValidator();
    }
}
