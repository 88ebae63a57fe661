package fr.sesame.admin;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import static fr.sesame.web.SpreadsheetCells.cell;

/**
 * The report of an import: one line per refused line of the HR file, with its number and the reason in
 * French, as CSV that a spreadsheet opens directly (UTF-8 with a byte-order mark, ';').
 */
@WebServlet("/admin/import/rapport")
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin", transportGuarantee = ServletSecurity.TransportGuarantee.CONFIDENTIAL))
public class ImportReportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    ImportService imports;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long runId;
        try {
            runId = Long.parseLong(request.getParameter("import"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        if (imports.run(runId).isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ResourceBundle texts = ResourceBundle.getBundle("fr.sesame.web.i18n.messages", Locale.FRENCH);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"rapport-import-" + runId + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.print('\uFEFF');
        out.print(cell(texts.getString("import.report.line")) + ";" + cell(texts.getString("import.report.reason"))
                + ";" + cell(texts.getString("import.report.value")) + "\r\n");
        for (ImportRejection rejection : imports.rejections(runId)) {
            out.print(rejection.lineNumber() + ";" + cell(text(texts, rejection.reason())) + ";" + cell(rejection.detail()) + "\r\n");
        }
    }

    private static String text(ResourceBundle texts, String key) {
        try {
            return texts.getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
