package org.rectify;

import org.rectify.rules.RuleFolderPrecompile;
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
        SpringApplication application = new SpringApplication(RectifyApplication.class);
        // the rules folder compiles on the second core while the context, the database and the engine start
        application.addInitializers(new RuleFolderPrecompile());
        application.run(args);
    }
}
