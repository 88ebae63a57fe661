package fr.sesame.support;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The logged-in person as the ticket service needs them: roles from the container, school from the
 * directory. Works for Faces pages and plain servlets alike.
 */
@RequestScoped
public class CurrentViewer {

    @Inject
    Directory directory;

    @Inject
    HttpServletRequest request;

    private Viewer viewer;

    public Viewer get() {
        if (viewer == null) {
            String identifiant = request.getRemoteUser();
            Set<String> roles = Roles.ALL.stream().filter(request::isUserInRole).collect(Collectors.toSet());
            Optional<Agent> agent = agent();
            viewer = new Viewer(identifiant, agent.map(Agent::displayName).orElse(identifiant), roles,
                    agent.flatMap(Agent::uai));
        }
        return viewer;
    }

    /** The agent behind the login, for the fields a ticket takes from the account. */
    public Optional<Agent> agent() {
        String identifiant = request.getRemoteUser();
        return identifiant == null ? Optional.empty() : directory.findByLogin(identifiant);
    }
}
