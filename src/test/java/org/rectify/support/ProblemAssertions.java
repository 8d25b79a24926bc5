package org.rectify.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.ResponseEntity;

/** Every refusal is application/problem+json with a Chinese title and a detail that says what is wrong. */
public final class ProblemAssertions {

    private ProblemAssertions() {
    }

    public static void assertProblem(ResponseEntity<JsonNode> response, int status, String detailContains) {
        assertThat(response.getStatusCode().value()).as("status of %s", response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).isNotNull();
        assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(response.getBody().get("detail").asText()).contains(detailContains);
        assertThat(response.getBody().get("title").asText()).matches(".*\\p{IsHan}.*");
    }
}
