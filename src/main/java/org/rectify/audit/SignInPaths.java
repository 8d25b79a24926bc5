package org.rectify.audit;

/** Sign-in forms, recorded as sign-ins (by the guard in the security module) rather than as writes. */
final class SignInPaths {

    private SignInPaths() {
    }

    static boolean isSignIn(String path) {
        return path.equals("/console/login") || path.startsWith("/camunda/api/admin/auth/user/");
    }
}
