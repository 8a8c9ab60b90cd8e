package io.huduma.ussd;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Basic phones: the USSD menu an aggregator calls back, served from the platform's services over gRPC. */
@SpringBootApplication
@EnableScheduling
public class UssdApplication {

    public static void main(String[] args) {
        SpringApplication.run(UssdApplication.class, args);
    }
}
