package org.rectify.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.rectify.shared.DomainException;
import org.rectify.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * GeoReport v2 at {@code /open311/v2}. Reads are public (as the specification has them); a POST needs an
 * {@code api_key}. Errors come in GeoReport's own format: {@code [{"code":400,"description":"…"}]}.
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {

    private static final Logger log = LoggerFactory.getLogger(Open311Controller.class);

    private final GeoReport geoReport;
    private final Open311Keys keys;

    Open311Controller(GeoReport geoReport, Open311Keys keys) {
        this.geoReport = geoReport;
        this.keys = keys;
    }

    @GetMapping(value = "/services.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> services() {
        return geoReport.services();
    }

    @GetMapping(value = "/services.xml", produces = MediaType.APPLICATION_XML_VALUE)
    String servicesXml() {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services>");
        for (Map<String, Object> service : geoReport.services()) {
            xml.append("<service>");
            service.forEach((key, value) -> xml.append('<').append(key).append('>').append(escape(String.valueOf(value)))
                    .append("</").append(key).append('>'));
            xml.append("</service>");
        }
        return xml.append("</services>").toString();
    }

    @GetMapping(value = "/services/{code}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> service(@PathVariable String code) {
        return geoReport.definition(code);
    }

    @PostMapping(value = "/requests.json", produces = MediaType.APPLICATION_JSON_VALUE,
            consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    List<Map<String, Object>> create(@RequestParam Map<String, String> form) {
        Open311Keys.Key key = keys.use(form.get("api_key"));
        return List.of(geoReport.file(key, form));
    }

    @GetMapping(value = "/requests.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> requests(@RequestParam Map<String, String> query) {
        if (query.get("api_key") != null) {
            keys.use(query.get("api_key"));
        }
        return geoReport.requests(query);
    }

    @GetMapping(value = "/requests/{id}.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> request(@PathVariable String id) {
        return List.of(geoReport.request(id));
    }

    @GetMapping(value = "/servicerequestupdates.json", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Map<String, Object>> updates(@RequestParam Map<String, String> query) {
        return geoReport.updates(query);
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<List<Map<String, Object>>> refused(DomainException e) {
        return error(Problems.statusOf(e), e.getMessage());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<List<Map<String, Object>>> wrongType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.BAD_REQUEST, "请以 application/x-www-form-urlencoded 表单提交");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<List<Map<String, Object>>> failed(Exception e, HttpServletRequest request) {
        log.error("open311 {} failed", request.getRequestURI(), e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误，请稍后再试");
    }

    private static ResponseEntity<List<Map<String, Object>>> error(HttpStatus status, String description) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(List.of(Map.of("code", status.value(), "description", description)));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
