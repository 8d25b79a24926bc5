package org.rectify.open311;

import java.util.List;
import org.rectify.security.CurrentUsers;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Administrators make, list and revoke Open311 API keys; the key itself is shown once, in the creation's answer. */
@RestController
@RequestMapping("/api/admin/open311-keys")
@PreAuthorize("hasRole('ADMIN')")
class Open311KeyController {

    private final Open311Keys keys;
    private final CurrentUsers users;

    Open311KeyController(Open311Keys keys, CurrentUsers users) {
        this.keys = keys;
        this.users = users;
    }

    @GetMapping
    List<Open311Keys.KeyView> list() {
        return keys.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Open311Keys.Created create(@RequestBody Open311Keys.KeyRequest request) {
        return keys.create(request, users.require().id());
    }

    @DeleteMapping("/{id}")
    Open311Keys.KeyView revoke(@PathVariable long id) {
        return keys.revoke(id);
    }
}
