package org.rectify.console;

import java.util.Optional;
import org.rectify.catalog.Catalog;
import org.rectify.security.CurrentUser;
import org.rectify.web.UserFacingException;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is looking at the console in this request. */
@Component
class Viewers {

    private final Catalog catalog;

    Viewers(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<Viewer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(Viewer.of(user, catalog.unitNames(user.unitCodes())));
        }
        return Optional.empty();
    }

    Viewer require() {
        return current().orElseThrow(() -> new UserFacingException(HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录"));
    }
}
