package fr.sesame.security;

import fr.sesame.account.AccountService;
import fr.sesame.account.Admission;
import fr.sesame.account.LoginAdmission;
import fr.sesame.web.CanonicalAddressFilter;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Who is logged in, request by request. The directory accepted the password; the account must also be
 * active: on the first request of a login, whichever page it lands on, a locked or pending account is
 * turned back to the login page with the reason (only someone who knows the password ever learns it).
 * A login lives in the session the login page opened, and only there: a single sign-on token that
 * comes without it (kept after a logout, replayed from elsewhere) opens nothing. A session opened
 * before the agent's latest lock or password change ends at its next request, on every server. An
 * expired password lets the agent in to the change page only, until it is changed.
 */
public class AdmissionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The principal this session was admitted for. */
    static final String ADMITTED = AdmissionFilter.class.getName() + ".admitted";
    /** The identifiant behind it (the academic address and the identifiant open one account). */
    static final String IDENTIFIANT = AdmissionFilter.class.getName() + ".identifiant";
    /** When it was admitted: a lock or a password change after this instant ends it. */
    static final String ADMITTED_AT = AdmissionFilter.class.getName() + ".admittedAt";
    /** This login's own key (random): the change it makes ends the agent's other sessions, not this one. */
    static final String LOGIN = AdmissionFilter.class.getName() + ".login";
    /** Set by the login page on the session it opened, until the next request admits it. */
    static final String FRESH_LOGIN = AdmissionFilter.class.getName() + ".freshLogin";
    /** Set while the agent's password has expired; the change page removes it. */
    public static final String MUST_CHANGE_PASSWORD = AdmissionFilter.class.getName() + ".mustChangePassword";
    /** Set while the login waits for the second factor's code: nothing opens but the code page. */
    public static final String CODE_PENDING = AdmissionFilter.class.getName() + ".codePending";
    /** Set while a staff member must enrol a second factor: nothing opens but the enrolment page. */
    public static final String ENROLMENT_PENDING = AdmissionFilter.class.getName() + ".enrolmentPending";
    /** Set by the login page when this login solved the challenge: the code step then counts like it. */
    static final String CHALLENGE_SOLVED = AdmissionFilter.class.getName() + ".challengeSolved";
    /** The page the login was on its way to when the code was asked for: the code leads there. */
    static final String AFTER_CODE = AdmissionFilter.class.getName() + ".afterCode";
    static final String CODE_PAGE = "/connexion/code";
    static final String ENROLMENT_PAGE = "/compte/double-authentification";
    /** The pages an agent with an expired password may still see. */
    static final String CHANGE_PAGE = "/compte/mot-de-passe";
    private static final Set<String> OPEN_TO_EXPIRED = Set.of(CHANGE_PAGE);
    static final String REFUSAL_PARAMETER = "refus";
    /** Liberty's single sign-on cookie: webAppSecurity's default name, which sesame.xml keeps. */
    static final String SSO_COOKIE = "LtpaToken2";
    /** How Faces marks the requests of its live updates (Ajax). */
    private static final String FACES_REQUEST_HEADER = "Faces-Request";
    private static final String PARTIAL_REQUEST = "partial/ajax";
    static final String SESSION_ENDED = "session-terminee";
    static final String SESSION_EXPIRED = "session-expiree";
    static final String CODES_REFUSED = "codes-refuses";
    static final Set<String> REFUSALS = Set.of("verrouille", "ferme", "non-active", "indisponible", SESSION_ENDED, SESSION_EXPIRED,
            CODES_REFUSED);
    private static final Map<LoginAdmission, String> REFUSAL_OF = Map.of(
            LoginAdmission.REFUSED_LOCKED, "verrouille",
            LoginAdmission.REFUSED_DEPARTED, "ferme",
            LoginAdmission.REFUSED_PENDING, "non-active",
            LoginAdmission.DIRECTORY_UNAVAILABLE, "indisponible");

    @Inject
    AccountService accounts;

    @Inject
    SessionCutoffs cutoffs;

    @Inject
    Clock clock;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String principal = request.getRemoteUser();
        if (principal == null || CanonicalAddressFilter.isResource(request)) {
            // Nobody logged in on this request (the container does not authenticate its login page).
            chain.doFilter(request, response);
            return;
        }
        HttpSession session = request.getSession(false);
        boolean fresh = session != null && session.getAttribute(FRESH_LOGIN) != null;
        if (!fresh) {
            if (session == null && request.getRequestedSessionId() != null) {
                sessionGone(request, response);
                return;
            }
            if (session == null || !principal.equals(session.getAttribute(ADMITTED))) {
                // The token came without any session, or with one its login did not open: replayed
                // from elsewhere. Nothing comes in, and that login ends.
                end(request, response, SESSION_EXPIRED);
                return;
            }
            if (!cutoffs.isValid((String) session.getAttribute(IDENTIFIANT), (Instant) session.getAttribute(ADMITTED_AT),
                    (String) session.getAttribute(LOGIN))) {
                end(request, response, SESSION_ENDED);
                return;
            }
            if (session.getAttribute(CODE_PENDING) != null && !mayVisitDuring(request, CODE_PAGE)) {
                response.sendRedirect(request.getContextPath() + CODE_PAGE);
                return;
            }
            if (session.getAttribute(ENROLMENT_PENDING) != null && !mayVisitDuring(request, ENROLMENT_PAGE)) {
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
                return;
            }
            if (session.getAttribute(MUST_CHANGE_PASSWORD) != null && session.getAttribute(CODE_PENDING) == null
                    && !mayVisitWithExpiredPassword(request)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        admit(request, response, chain, session, principal);
    }

    /** The first request of a login the login page just made. */
    private void admit(HttpServletRequest request, HttpServletResponse response, FilterChain chain, HttpSession session,
                       String principal) throws IOException, ServletException {
        session.removeAttribute(FRESH_LOGIN);
        Admission admission = accounts.admit(principal, request.getRemoteAddr());
        if (admission.outcome() != LoginAdmission.ADMITTED && admission.outcome() != LoginAdmission.PASSWORD_EXPIRED) {
            session.invalidate();
            request.logout();
            response.sendRedirect(request.getContextPath() + "/connexion?" + REFUSAL_PARAMETER + "=" + REFUSAL_OF.get(admission.outcome()));
            return;
        }
        admitted(session, principal, admission.identifiant(), clock.instant());
        if (admission.outcome() == LoginAdmission.PASSWORD_EXPIRED) {
            session.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
        }
        if (admission.codeNeeded()) {
            // The password was right; the code comes next, on its own page, before anything else.
            session.setAttribute(CODE_PENDING, Boolean.TRUE);
            String asked = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
            if ("GET".equals(request.getMethod()) && asked.startsWith("/") && !asked.startsWith("//")
                    && !asked.equals(CODE_PAGE) && !asked.startsWith("/erreur/")) {
                session.setAttribute(AFTER_CODE, asked + (request.getQueryString() == null ? "" : "?" + request.getQueryString()));
            }
            if (!mayVisitDuring(request, CODE_PAGE)) {
                response.sendRedirect(request.getContextPath() + CODE_PAGE);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (admission.enrolmentNeeded()) {
            session.setAttribute(ENROLMENT_PENDING, Boolean.TRUE);
            if (!mayVisitDuring(request, ENROLMENT_PAGE)) {
                response.sendRedirect(request.getContextPath() + ENROLMENT_PAGE);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        if (admission.outcome() == LoginAdmission.PASSWORD_EXPIRED) {
            session.setAttribute(MUST_CHANGE_PASSWORD, Boolean.TRUE);
            if (!mayVisitWithExpiredPassword(request)) {
                response.sendRedirect(request.getContextPath() + CHANGE_PAGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static void admitted(HttpSession session, String principal, String identifiant, Instant at) {
        session.setAttribute(ADMITTED, principal);
        session.setAttribute(IDENTIFIANT, identifiant);
        session.setAttribute(ADMITTED_AT, at.truncatedTo(ChronoUnit.MILLIS));
        session.setAttribute(LOGIN, UUID.randomUUID().toString());
    }

    /** The key of the login this request belongs to, which a password change it makes keeps; null if none. */
    public static String loginOf(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (String) session.getAttribute(LOGIN);
    }

    /**
     * The session this browser named is gone: it expired, or another request of the same page just gave
     * it a new id (a password change, submitted while the live check of the new password was under way).
     * Nothing comes in, and nothing else changes: the login, its token and the browser's cookies are left
     * as they are, since the page that holds the new id may be arriving in this very browser. A page is
     * sent to the login page; the live check of a form gets an empty answer and changes nothing on
     * screen (its form, submitted, goes to the login page).
     */
    private static void sessionGone(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (PARTIAL_REQUEST.equals(request.getHeader(FACES_REQUEST_HEADER))) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.sendRedirect(request.getContextPath() + "/connexion?" + REFUSAL_PARAMETER + "=" + SESSION_EXPIRED);
    }

    /**
     * Ends this visitor's session and sends them to the login page. A token that comes without its
     * session (stolen, or its session expired) is revoked: the login ends everywhere. A session ended on
     * purpose (a new password, a lock) only loses its token in this browser, which is not revoked:
     * Liberty gives the logins of one agent the same token for a while, and revoking it would also end
     * the session that just changed the password. Without its session the token opens nothing here.
     */
    private void end(HttpServletRequest request, HttpServletResponse response, String why)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        if (!SESSION_ENDED.equals(why)) {
            request.logout();
        }
        jakarta.servlet.http.Cookie dropped = new jakarta.servlet.http.Cookie(SSO_COOKIE, "");
        dropped.setPath("/");
        dropped.setMaxAge(0);
        dropped.setSecure(true);
        dropped.setHttpOnly(true);
        response.addCookie(dropped);
        response.sendRedirect(request.getContextPath() + "/connexion" + (why == null ? "" : "?" + REFUSAL_PARAMETER + "=" + why));
    }

    /** Called by the login page once the directory accepted the password: the next request admits. */
    static void loggedIn(HttpSession session) {
        session.removeAttribute(ADMITTED);
        session.removeAttribute(IDENTIFIANT);
        session.removeAttribute(ADMITTED_AT);
        session.removeAttribute(LOGIN);
        session.removeAttribute(MUST_CHANGE_PASSWORD);
        session.removeAttribute(CODE_PENDING);
        session.removeAttribute(ENROLMENT_PENDING);
        session.removeAttribute(CHALLENGE_SOLVED);
        session.removeAttribute(AFTER_CODE);
        session.setAttribute(FRESH_LOGIN, Boolean.TRUE);
    }

    /** Whether this login waits for its code (the code page asks for it). */
    public static boolean codePending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CODE_PENDING) != null && session.getAttribute(ADMITTED) != null;
    }

    /** Whether this login solved the challenge on the login page. */
    public static boolean challengeSolved(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(CHALLENGE_SOLVED) != null;
    }

    /** Whether this login must enrol a second factor first. */
    public static boolean enrolmentPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && session.getAttribute(ENROLMENT_PENDING) != null;
    }

    /**
     * The code was right: the login opens, under a new session id (the one that waited for the code
     * never carries an open login).
     *
     * @return the page to go to: the password change when the password has expired, else the account
     */
    public static String codeAccepted(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        session.removeAttribute(CODE_PENDING);
        session.removeAttribute(CHALLENGE_SOLVED);
        String after = (String) session.getAttribute(AFTER_CODE);
        session.removeAttribute(AFTER_CODE);
        request.changeSessionId();
        if (session.getAttribute(MUST_CHANGE_PASSWORD) != null) {
            return CHANGE_PAGE;
        }
        return after == null ? "/compte" : after;
    }

    /** The staff member enrolled: the login opens. */
    public static void enrolled(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ENROLMENT_PENDING);
        }
    }

    /** Too many wrong codes: this login ends, and the login page says why. */
    public static void endAfterWrongCodes(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        request.logout();
        response.sendRedirect(request.getContextPath() + "/connexion?" + REFUSAL_PARAMETER + "=" + CODES_REFUSED);
    }

    /** Called by the login page when the login's challenge was solved. */
    static void challengeSolved(HttpSession session) {
        session.setAttribute(CHALLENGE_SOLVED, Boolean.TRUE);
    }

    /**
     * The agent changed the password in this session: it goes on (its other sessions ended), counted
     * from {@code validFrom}, under a new id.
     */
    public static void keepAfterPasswordChange(HttpServletRequest request, Instant validFrom) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        request.changeSessionId();
        session = request.getSession(false);
        session.setAttribute(ADMITTED_AT, validFrom.truncatedTo(ChronoUnit.MILLIS));
        session.removeAttribute(MUST_CHANGE_PASSWORD);
    }

    private static boolean mayVisitDuring(HttpServletRequest request, String page) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals(page) || path.startsWith("/erreur/");
    }

    private static boolean mayVisitWithExpiredPassword(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return OPEN_TO_EXPIRED.contains(path) || path.startsWith("/erreur/");
    }
}
