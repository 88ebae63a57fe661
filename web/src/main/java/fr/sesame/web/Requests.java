package fr.sesame.web;

import jakarta.faces.context.FacesContext;
import jakarta.servlet.http.HttpServletRequest;

/** The current Faces request as the services need it. */
public final class Requests {

    private Requests() {
    }

    /**
     * Where the request comes from, as the limits on attempts count it (Liberty has already replaced
     * a trusted proxy's address by the client's).
     */
    public static String clientAddress() {
        return current().getRemoteAddr();
    }

    public static HttpServletRequest current() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }
}
