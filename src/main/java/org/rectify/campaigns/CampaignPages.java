package org.rectify.campaigns;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.rectify.catalog.Catalog;
import org.rectify.catalog.Unit;
import org.rectify.security.CurrentUser;
import org.rectify.security.CurrentUsers;
import org.rectify.shared.DomainException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's campaign pages: the list with the create form, a campaign's board with the import form, and an
 * import's progress (the page refreshes itself while the import runs; the progress is read from the database).
 * Public only so the console's advice (navigation, signed-in person, refusals as pages) can name it.
 */
@Controller
public class CampaignPages {

    private final CampaignRegistry registry;
    private final CampaignStore store;
    private final ListImports imports;
    private final CampaignBoard board;
    private final CurrentUsers users;
    private final Catalog catalog;

    CampaignPages(CampaignRegistry registry, CampaignStore store, ListImports imports, CampaignBoard board,
            CurrentUsers users, Catalog catalog) {
        this.registry = registry;
        this.store = store;
        this.imports = imports;
        this.board = board;
        this.users = users;
        this.catalog = catalog;
    }

    @GetMapping("/console/campaigns")
    String list(Model model) {
        CurrentUser user = users.require();
        CampaignRegistry.requireViewer(user);
        model.addAttribute("campaigns", store.all());
        model.addAttribute("canManage", CampaignRegistry.canManage(user));
        model.addAttribute("levels", Arrays.asList(SourceLevel.values()));
        model.addAttribute("categories", catalog.categories());
        model.addAttribute("streets", catalog.units().stream().filter(u -> u.kind() == Unit.Kind.STREET).toList());
        return "console/campaigns";
    }

    @PostMapping("/console/campaigns")
    String create(@RequestParam String name, @RequestParam String sourceLevel,
            @RequestParam(required = false) String startsOn, @RequestParam String clearanceDate,
            @RequestParam(required = false) List<String> categories, @RequestParam(required = false) List<String> streets,
            @RequestParam(required = false) String owner, @RequestParam(required = false) String description) {
        Campaign created = registry.create(new CampaignRegistry.CampaignRequest(name, sourceLevel, startsOn, clearanceDate,
                categories, streets, owner, description), users.require());
        return "redirect:/console/campaigns/" + created.id();
    }

    /** The import template and the demo list, as .csv or .xlsx. */
    @GetMapping({"/console/campaigns/files/{name}.csv", "/console/campaigns/files/{name}.xlsx"})
    ResponseEntity<byte[]> file(@PathVariable String name, HttpServletRequest request) {
        if (!name.equals(ListFiles.TEMPLATE) && !name.equals(ListFiles.DEMO)) {
            throw DomainException.notFound("no-such-file", "没有这个文件");
        }
        boolean xlsx = request.getRequestURI().endsWith(".xlsx");
        String fileName = (name.equals(ListFiles.TEMPLATE) ? "问题清单导入模板" : "演示问题清单") + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(fileName, StandardCharsets.UTF_8).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(xlsx ? ListFiles.xlsx(name) : ListFiles.csv(name));
    }

    @GetMapping("/console/campaigns/{id}")
    String board(@PathVariable long id, Model model) {
        CurrentUser user = users.require();
        CampaignRegistry.requireViewer(user);
        model.addAttribute("b", board.board(id));
        model.addAttribute("imports", imports.imports(id));
        model.addAttribute("canManage", CampaignRegistry.canManage(user));
        return "console/campaign";
    }

    @PostMapping("/console/campaigns/{id}/imports")
    String importList(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file)
            throws IOException {
        CurrentUser user = users.require();
        ListImports.ImportView started = imports.start(id, file == null ? null : file.getOriginalFilename(),
                file == null ? null : file.getBytes(), user);
        return "redirect:/console/campaigns/" + id + "/imports/" + started.id();
    }

    @GetMapping("/console/campaigns/{id}/imports/{importId}")
    String importStatus(@PathVariable long id, @PathVariable long importId, Model model) {
        CampaignRegistry.requireViewer(users.require());
        model.addAttribute("campaign", store.require(id));
        model.addAttribute("i", imports.view(id, importId));
        return "console/campaign-import";
    }
}
