package fr.sesame.security;

import java.util.List;

/** The application's roles; server.xml maps each to a directory group. */
public final class Roles {

    public static final String AGENT = "agent";
    public static final String REFERENT = "referent";
    public static final String HOTLINE = "hotline";
    public static final String RSSI = "rssi";
    public static final String ADMIN = "admin";

    public static final List<String> ALL = List.of(AGENT, REFERENT, HOTLINE, RSSI, ADMIN);

    private Roles() {
    }
}
