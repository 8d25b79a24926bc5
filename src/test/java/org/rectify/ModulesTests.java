package org.rectify;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * The modules are the direct sub-packages of {@code org.rectify}; each one's {@code package-info.java} declares
 * which modules (and named interfaces, e.g. {@code calendar :: api}) it may use. Spring Modulith checks the compiled
 * classes against that: no cycles, no use of another module's internals, no dependency not declared.
 *
 * <p>How it fails: let {@code rules} call {@code org.rectify.cases.Cases} and {@link #modulesKeepTheirDeclaredBoundaries}
 * reports "Module 'rules' depends on module 'cases' … not allowed" (and the cycle rules → cases → rules); a table
 * read by SQL is invisible here, which is what {@link TableOwnershipTests} is for.
 */
class ModulesTests {

    static final ApplicationModules MODULES = ApplicationModules.of(RectifyApplication.class);

    @Test
    void modulesKeepTheirDeclaredBoundaries() {
        MODULES.verify();
    }
}
