package fr.sesame.security;

import fr.sesame.account.AccountService;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** "Se déconnecter": ends the login and the session, then shows the home page. */
@Named
@RequestScoped
public class LogoutAction {

    @Inject
    AccountService accounts;

    public void logout() throws IOException, ServletException {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String identifiant = request.getRemoteUser();
        if (identifiant != null) {
            accounts.recordLogout(identifiant, request.getRemoteAddr());
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/?deconnexion=1");
    }
}
