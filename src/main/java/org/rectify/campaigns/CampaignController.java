package org.rectify.campaigns;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Campaigns over the API: create, list, show, import an inspection list and follow it, the board. */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private final CampaignRegistry registry;
    private final CampaignStore store;
    private final ListImports imports;
    private final CampaignBoard board;
    private final CurrentUsers users;

    CampaignController(CampaignRegistry registry, CampaignStore store, ListImports imports, CampaignBoard board,
            CurrentUsers users) {
        this.registry = registry;
        this.store = store;
        this.imports = imports;
        this.board = board;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) CampaignRegistry.CampaignRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(view(registry.create(request, users.require())));
    }

    @GetMapping
    List<Map<String, Object>> list() {
        CampaignRegistry.requireViewer(users.require());
        return store.all().stream().map(CampaignController::view).toList();
    }

    @GetMapping("/{id}")
    Map<String, Object> show(@PathVariable long id) {
        CampaignRegistry.requireViewer(users.require());
        Map<String, Object> view = view(store.require(id));
        view.put("imports", imports.imports(id));
        return view;
    }

    @GetMapping("/{id}/board")
    Map<String, Object> board(@PathVariable long id) {
        CampaignRegistry.requireViewer(users.require());
        return CampaignBoard.summary(board.board(id));
    }

    /** Multipart field {@code file}: the list as .xlsx or .csv. Answers 202 with the report so far. */
    @PostMapping("/{id}/imports")
    ResponseEntity<ListImports.ImportView> importList(@PathVariable long id,
            @RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
        CurrentUser user = users.require();
        CampaignRegistry.requireManager(user);
        if (file == null || file.isEmpty()) {
            throw DomainException.invalid("file-required", "请以 multipart 字段 file 上传问题清单（.xlsx 或 .csv）");
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(imports.start(id, file.getOriginalFilename(), file.getBytes(), user));
    }

    @GetMapping("/{id}/imports/{importId}")
    ListImports.ImportView importStatus(@PathVariable long id, @PathVariable long importId) {
        CampaignRegistry.requireViewer(users.require());
        return imports.view(id, importId);
    }

    static Map<String, Object> view(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("name", c.name());
        m.put("sourceLevel", c.sourceLevel().name());
        m.put("sourceLevelLabel", c.sourceLevel().chineseLabel());
        m.put("reportSource", c.sourceLevel().reportSource().name());
        m.put("startsOn", c.startsOn());
        m.put("clearanceAt", c.clearanceAt());
        m.put("categories", c.categoryCodes());
        m.put("streets", c.streetCodes());
        m.put("owner", c.owner());
        m.put("description", c.description());
        m.put("processInstanceId", c.processInstanceId());
        m.put("escalatedAt", c.escalatedAt());
        return m;
    }
}
