package fr.sesame.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Locale;

/**
 * A form with files larger than the web module accepts ({@code max-bytes}, the Faces servlet's
 * {@code max-request-size}) would end in a container error; the sender is sent to a page that says
 * what happened instead, before the body is read.
 */
public class UploadLimitFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String PAGE = "/erreur/fichiers-trop-lourds";

    private long maxBytes;

    @Override
    public void init() {
        maxBytes = Long.parseLong(getInitParameter("max-bytes"));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isTooLarge(request.getMethod(), request.getContentType(), request.getContentLengthLong(), maxBytes)) {
            response.setHeader("Connection", "close");
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean isTooLarge(String method, String contentType, long length, long maxBytes) {
        return "POST".equalsIgnoreCase(method) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/") && length > maxBytes;
    }
}
