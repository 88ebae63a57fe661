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
 * login page with the reason (only someone who knows the password ever learns it).
 */
public class AdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String ADMITTED = AdmissionFilter.class.getName() + ".admitted";
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
            chain.doFilter(request, response);
            return;
        }
        LoginAdmission admission = accounts.admit(principal, request.getRemoteAddr());
        if (admission == LoginAdmission.ADMITTED) {
            request.getSession().setAttribute(ADMITTED, principal);
            chain.doFilter(request, response);
            return;
        }
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/connexion?" + REFUSAL_PARAMETER + "=" + REFUSAL_OF.get(admission));
    }

    private static boolean isResource(HttpServletRequest request) {
        return request.getRequestURI().contains("/jakarta.faces.resource/");
    }
}
