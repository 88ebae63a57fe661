package fr.sesame.security;

import jakarta.ejb.SessionContext;

import java.security.Principal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What a service checks about who calls it when the web layer names the person concerned: it must be
 * the caller, with no role the caller does not have. A page that passed someone else is refused.
 */
public final class Callers {

    private Callers() {
    }

    /**
     * @param roles the roles the web layer granted (none may exceed the caller's)
     * @param names the names the caller may be known by (identifiant, academic address: an agent logs in
     *              with either)
     * @throws NotTheCallerException when the call is not the caller's own
     */
    public static void requireSelf(SessionContext context, Collection<String> roles, String... names) {
        Principal caller = context.getCallerPrincipal();
        String name = caller == null ? null : caller.getName();
        boolean self = name != null && Stream.of(names).filter(Objects::nonNull).anyMatch(name::equalsIgnoreCase);
        if (!self || roles.stream().anyMatch(role -> !context.isCallerInRole(role))) {
            throw new NotTheCallerException("Not the caller's own");
        }
    }

    public static void requireSelf(SessionContext context, String... names) {
        requireSelf(context, List.of(), names);
    }
}
