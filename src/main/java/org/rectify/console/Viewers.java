package org.rectify.console;

import java.util.Optional;
import org.rectify.catalog.Catalog;
import org.rectify.security.CurrentUser;
import org.rectify.shared.DomainException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who is looking at the console in this request. The viewer is worked out once per request (the advice's
 * "me" and "nav" and the handler all ask), since naming the user's units reads the database.
 */
@Component
class Viewers {

    private static final String ATTRIBUTE = Viewers.class.getName();

    private final Catalog catalog;

    Viewers(Catalog catalog) {
        this.catalog = catalog;
    }

    Optional<Viewer> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication != null && authentication.getPrincipal() instanceof CurrentUser user)) {
            return Optional.empty();
        }
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Viewer known
                && known.user() == user) {
            return Optional.of(known);
        }
        Viewer viewer = Viewer.of(user, catalog.unitNames(user.unitCodes()));
        if (request != null) {
            request.setAttribute(ATTRIBUTE, viewer, RequestAttributes.SCOPE_REQUEST);
        }
        return Optional.of(viewer);
    }

    Viewer require() {
        return current().orElseThrow(() -> DomainException.unauthenticated("unauthenticated", "请先登录"));
    }
}
