package org.rectify.notices;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** POSTs JSON with short timeouts (a slow channel delays only its own notices) and reads the answer as JSON. */
@Component
class HttpJson {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;

    HttpJson(ObjectMapper json) {
        this.json = json;
    }

    JsonNode post(String url, Object body, Map<String, String> headers) throws Transport.DeliveryFailed {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
            headers.forEach(request::header);
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw new Transport.DeliveryFailed("接口返回 HTTP " + response.statusCode() + "：" + abbreviate(response.body()));
            }
            String text = response.body();
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            throw new Transport.DeliveryFailed("无法连接接口：" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Transport.DeliveryFailed("发送被中断", e);
        } catch (IllegalArgumentException e) {
            throw new Transport.DeliveryFailed("接口地址无效：" + url.replaceAll("([?&](key|access_token)=)[^&]*", "$1****"), e);
        }
    }

    static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }
}
