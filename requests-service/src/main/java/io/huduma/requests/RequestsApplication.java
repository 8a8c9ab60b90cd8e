package io.huduma.requests;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Applications made by citizens: submit, validate, track, officer workflow, SLA clocks, open statistics. */
@SpringBootApplication
public class RequestsApplication {

    public static void main(String[] args) {
        SpringApplication.run(RequestsApplication.class, args);
    }
}
