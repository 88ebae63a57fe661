package fr.sesame.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.FileNotFoundException;
import java.io.IOException;

/**
 * Headers every response carries. The Content-Security-Policy of pages is sent by PrimeFaces, which
 * knows the nonce of each page's scripts; this filter sends a strict one for everything else.
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String STRICT_POLICY = "default-src 'none'; img-src 'self'; style-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (!isPage(request)) {
            response.setHeader("Content-Security-Policy", STRICT_POLICY);
        }
        if (isPage(request)) {
            // No page stays in a cache: not a personal one after logout on a shared computer, not an
            // anonymous one that carries a link's token or a prefilled address.
            response.setHeader("Cache-Control", "no-store");
        }
        try {
            chain.doFilter(request, response);
        } catch (FileNotFoundException e) {
            // Liberty reports a missing static file by throwing through the filters, which logs an
            // FFDC incident for every mistyped address (OpenLiberty issue 33079): answer 404 here.
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** Faces pages: any path that is not a Faces resource (script, style sheet, image). */
    static boolean isPage(HttpServletRequest request) {
        return !isResource(request);
    }

    static boolean isResource(HttpServletRequest request) {
        return CanonicalAddressFilter.isResource(request);
    }
}
