package dev.rapport.api;

import java.io.IOException;
import java.time.Clock;

import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.clients.ClientKind;
import dev.rapport.clients.ClientQuery;
import dev.rapport.clients.ClientStatus;
import dev.rapport.exchange.ClientExportService;
import dev.rapport.exchange.ExportFormat;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.UserId;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/exports")
@Tag(name = "Import and export")
class ClientExportController {
    private final ClientExportService exports;
    private final Clock clock;

    ClientExportController(ClientExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/clients.csv")
    @Operation(summary = "Download clients as CSV",
            description = "The clients GET /clients lists for the same filters, all pages, sorted by name. UTF-8 with "
                    + "a byte-order mark; several values in a cell are joined with ' ::: '; cells starting with "
                    + "= + - @ tab or CR are prefixed with an apostrophe so spreadsheets never run them. Audited.")
    void csv(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
             @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
             @RequestParam(required = false) String kind, @RequestParam(required = false) Long ownerId,
             @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        export(user, ExportFormat.CSV, query(q, tag, tier, status, kind, ownerId, includeArchived), request, response);
    }

    @GetMapping("/clients.vcf")
    @Operation(summary = "Download clients as vCard 4.0",
            description = "The same clients as GET /clients for the same filters, one card each (UID "
                    + "urn:rapport:client:{id}; tier and status as X-RAPPORT-TIER / X-RAPPORT-STATUS). Audited.")
    void vcard(CurrentUser user, @RequestParam(required = false) String q, @RequestParam(required = false) String tag,
               @RequestParam(required = false) String tier, @RequestParam(required = false) String status,
               @RequestParam(required = false) String kind, @RequestParam(required = false) Long ownerId,
               @RequestParam(defaultValue = "false") boolean includeArchived, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        export(user, ExportFormat.VCARD, query(q, tag, tier, status, kind, ownerId, includeArchived), request,
                response);
    }

    private void export(CurrentUser user, ExportFormat format, ClientQuery query, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clients-"
                + user.today(clock) + "." + format.extension() + "\"");
        exports.export(user, format, query, response.getOutputStream(), request.getRemoteAddr());
    }

    /** The client list's filters, checked before the first byte is written. */
    static ClientQuery query(String q, String tag, String tier, String status, String kind, Long ownerId,
                             boolean includeArchived) {
        ClientStatus st = status == null || status.isBlank() ? null : ClientStatus.fromCode(status)
                .orElseThrow(() -> new InvalidInputException("status", "must be one of prospect, active, past"));
        ClientKind kd = kind == null || kind.isBlank() ? null : ClientKind.fromCode(kind)
                .orElseThrow(() -> new InvalidInputException("kind", "must be one of external, internal"));
        return new ClientQuery(q, tag, tier, st, kd, ownerId == null ? null : new UserId(ownerId), includeArchived,
                null, dev.rapport.clients.ClientService.MAX_PAGE);
    }
}
