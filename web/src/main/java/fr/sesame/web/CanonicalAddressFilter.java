package fr.sesame.web;

import jakarta.faces.application.ResourceHandler;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * Every page has one address, the one people read and type ({@code /compte}, {@code /hotline/verrous}).
 * Any other spelling of it — {@code /compte.xhtml}, {@code /faces/compte}, {@code /compte;jsessionid=…},
 * {@code //compte}, {@code /%2e/compte}, {@code /compte.} — is answered "not found" before anything else
 * runs, so that no URL rule can be walked around by writing the address differently. The Faces
 * mappings serve scripts, style sheets and images only.
 */
public class CanonicalAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /**
     * Segments of unreserved characters, none empty, none ending with a dot (so neither "." nor ".."):
     * nothing to decode or normalise.
     */
    private static final Pattern CANONICAL = Pattern.compile("(/[A-Za-z0-9._~-]*[A-Za-z0-9_~-])*/?");
    static final String RESOURCES = ResourceHandler.RESOURCE_IDENTIFIER + "/";
    /** The prefix mapping of the Faces servlet (web.xml), through which Faces addresses its resources. */
    static final String FACES_PREFIX = "/faces";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String uri = request.getRequestURI();
        String path = uri.startsWith(request.getContextPath()) ? uri.substring(request.getContextPath().length()) : uri;
        // The container takes ";jsessionid=…" out of the request URI, not out of the URL.
        if (!isCanonical(path) || request.getRequestURL().indexOf(";") >= 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * Whether {@code path} (the raw path after the context root) is written the one way Sésame writes
     * it: a Faces resource through a Faces mapping, a page or a servlet at its plain address.
     */
    public static boolean isCanonical(String path) {
        if (path == null || path.isEmpty() || !CANONICAL.matcher(path).matches()) {
            return false;
        }
        if (path.equals(FACES_PREFIX) || path.startsWith(FACES_PREFIX + "/")) {
            return path.startsWith(FACES_PREFIX + RESOURCES);
        }
        return path.startsWith(RESOURCES) || !path.endsWith(".xhtml");
    }

    /**
     * A script, style sheet or image that Faces serves, told by the mapping the container matched (never
     * by a piece of the raw address, which anyone can write).
     */
    public static boolean isResource(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        return servletPath.equals(FACES_PREFIX) ? pathInfo.startsWith(RESOURCES) : servletPath.startsWith(RESOURCES);
    }
}
