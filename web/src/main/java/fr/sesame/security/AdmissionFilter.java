package fr.sesame.security;

import fr.sesame.account.AccountService;
import fr.sesame.account.LoginAdmission;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * The directory accepted the password; the account must also be active. Runs on the first request
 * of each login, whichever page it lands on, and turns a locked or pending account back to the
 * login page with the reason (only someone who knows the password ever learns it). An expired
 * password lets the agent in to the change page only, until it is changed.
 */
public class AdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ADMITTED = AdmissionFilter.class.getName() + ".admitted";
    /** Set while the agent's password has expired; the change page removes it. */
    public static final String MUST_CHANGE_PASSWORD = AdmissionFilter.class.getName() + ".mustChangePassword";
    /** The pages an agent with an expired password may still see. */
    static final String CHANGE_PAGE = "/compte/mot-de-passe";
    private static final Set<String> OPEN_TO_EXPIRED = Set.of(CHANGE_PAGE, CHANGE_PAGE + ".xhtml");
    static final String REFUSAL_PARAMETER = "refus";
    static final Set<String> REFUSALS = Set.of("verrouille", "non-active", "indisponible");
    private static final Map<LoginAdmission, String> REFUSAL_OF = Map.of(
            LoginAdmission.REFUSED_LOCKED, "verrouille",
            LoginAdmission.REFUSED_PENDING, "non-active",
            LoginAdmission.DIRECTORY_UNAVAILABLE, "indisponible");

    @Inject
    AccountService accounts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String principal = request.getRemoteUser();
        if (isResource(request)) {
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        Object admitted = session == null ? null : session.getAttribute(ADMITTED);
        if (admitted != null && !admitted.equals(principal)) {
            // The session belonged to a login that ended (or to someone else): nothing of it is kept.
            session.invalidate();
            session = null;
        }
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        if (session != null && principal.equals(session.getAttribute(ADMITTED))) {
            if (session.getAttribute(MUST_CHANGE_PASSWORD) != null && !mayVisitWithExpiredPassword(request)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        LoginAdmission admission = accounts.admit(principal, request.getRemoteAddr());
        if (admission == LoginAdmission.ADMITTED) {
            request.getSession().setAttribute(ADMITTED, principal);
            chain.doFilter(request, response);
            return;
        }
        if (admission == LoginAdmission.PASSWORD_EXPIRED) {
            HttpSession fresh = request.getSession();
            fresh.setAttribute(ADMITTED, principal);
            fresh.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            if (mayVisitWithExpiredPassword(request)) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
            }
            return;
        }
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/connexion?" + REFUSAL_PARAMETER + "=" + REFUSAL_OF.get(admission));
    }

    private static boolean mayVisitWithExpiredPassword(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return OPEN_TO_EXPIRED.contains(path) || path.startsWith("/erreur/");
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().contains("/jakarta.faces.resource/");
    }
}
