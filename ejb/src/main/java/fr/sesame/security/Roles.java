package fr.sesame.security;

import java.util.List;

/**
 * The application's roles, one place for both modules: the web module's URL rules and pages, the
 * services' {@code @RolesAllowed}. server.xml maps each to a directory group.
 */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String REFERENT = "referent";
    public static final String HOTLINE = "hotline";
    /** The académie's experts, the support's third level. */
    public static final String EXPERT = "expert";
    public static final String RSSI = "rssi";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(AGENT, REFERENT, HOTLINE, EXPERT, RSSI, ADMIN);

    private Roles() {
    }
}
