package org.rectify.security;

/**
 * The workflow roles. Each is a Camunda group of the same id (admins are Camunda's own {@code camunda-admin});
 * every other group whose id is a unit code makes its members that unit's handlers.
 */
public final class Roles {

    public static final String ADMIN_GROUP = "camunda-admin";
    public static final String DISPATCHER = "dispatcher";
    public static final String SUPERVISOR = "supervisor";
    public static final String DISCIPLINE = "discipline";
    public static final String REPORTER = "reporter";

    /** Camunda group type of groups that stand for a unit rather than a role. */
    public static final String UNIT_GROUP_TYPE = "UNIT";
    public static final String ROLE_GROUP_TYPE = "WORKFLOW";

    private Roles() {
    }
}
