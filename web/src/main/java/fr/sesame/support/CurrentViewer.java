package fr.sesame.support;

import fr.sesame.directory.Agent;
import fr.sesame.directory.Directory;
import fr.sesame.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The logged-in person as the ticket service needs them: roles from the container, school from the directory. */
@RequestScoped
public class CurrentViewer {

    @Inject
    Directory directory;

    private Viewer viewer;

    public Viewer get() {
        if (viewer == null) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            String identifiant = external.getRemoteUser();
            Set<String> roles = Roles.ALL.stream().filter(external::isUserInRole).collect(Collectors.toSet());
            Optional<Agent> agent = identifiant == null ? Optional.empty() : directory.findByLogin(identifiant);
            viewer = new Viewer(identifiant, agent.map(Agent::displayName).orElse(identifiant), roles,
                    agent.flatMap(Agent::uai));
        }
        return viewer;
    }

    /** The agent behind the login, for the fields a ticket takes from the account. */
    public Optional<Agent> agent() {
        String identifiant = FacesContext.getCurrentInstance().getExternalContext().getRemoteUser();
        return identifiant == null ? Optional.empty() : directory.findByLogin(identifiant);
    }
}
