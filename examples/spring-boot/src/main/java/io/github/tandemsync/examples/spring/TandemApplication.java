package io.github.tandemsync.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application running the Exchequer ⇄ Salesforce integration. Configure it in
 * {@code application.properties} (see {@link TandemConfiguration}) and run it like any Boot app.
 */
@SpringBootApplication
public class TandemApplication {

  public static void main(String[] args) {
    SpringApplication.run(TandemApplication.class, args);
  }
}
