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
    /** Programs that use Camunda's own REST API (/engine-rest), beside administrators. */
    public static final String INTEGRATION = "integration";
    /** 12345 hotline operators: report on behalf of a caller. */
    public static final String HOTLINE = "hotline";
    /** Registered volunteers: report as themselves and earn volunteer points. */
    public static final String VOLUNTEER = "volunteer";
    /** Citizens with an account (随手拍): report as themselves. */
    public static final String CITIZEN = "citizen";

    /** Camunda group type of groups that stand for a unit rather than a role. */
    public static final String UNIT_GROUP_TYPE = "UNIT";
    public static final String ROLE_GROUP_TYPE = "WORKFLOW";

    private Roles() {
    }
}
