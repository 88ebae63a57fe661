package fr.sesame.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Container-managed form login: the container checks the password against the directory
 * ({@code ldapRegistry} in server.xml) and maps directory groups to these roles. Our own login page
 * hands the credentials over, so that errors are French and kind.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/connexion", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({Roles.AGENT, Roles.REFERENT, Roles.HOTLINE, Roles.EXPERT, Roles.RSSI, Roles.ADMIN})
@ApplicationScoped
public class AuthenticationConfig {
}
