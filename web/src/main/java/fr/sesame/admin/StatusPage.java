package fr.sesame.admin;

import fr.sesame.security.RequiresRole;
import fr.sesame.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The administrators' view of the service: does each part Sésame needs answer? */
@RequiresRole({Roles.ADMIN})
@Named
@RequestScoped
public class StatusPage {

    @Inject
    ServiceStatus status;

    private List<ComponentStatus> components = List.of();

    public void load() {
        components = status.all();
    }

    public List<ComponentStatus> getComponents() {
        return components;
    }

    public boolean isAllUp() {
        return components.stream().allMatch(ComponentStatus::up);
    }
}
