package org.rectify;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
// shared: the domain's refusal and hashing, which every module may use (also bootstrapped in module tests)
@Modulithic(sharedModules = "shared")
public class RectifyApplication {

    public static void main(String[] args) {
        SpringApplication.run(RectifyApplication.class, args);
    }
}
