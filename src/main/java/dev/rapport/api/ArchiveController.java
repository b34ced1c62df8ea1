package dev.rapport.api;

import java.io.IOException;
import java.io.OutputStream;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.rapport.exchange.ArchiveService;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

@RestController
@RequestMapping("/api/v1/archive")
@Tag(name = "Archive", description = "The team's full archive (docs/archive-format.md)")
class ArchiveController {
    private final ArchiveService archives;

    ArchiveController(ArchiveService archives) {
        this.archives = archives;
    }

    /**
     * Streams straight into the response (no async request timeout for big teams); the role check
     * and the audit entry happen before the first byte, so a refusal is still a problem document.
     */
    @GetMapping
    @Operation(summary = "Download the whole team's data as an archive (owners only)",
            description = "A zip of JSON Lines files and a manifest with counts and SHA-256 checksums, the same "
                    + "format as `rapport archive export`; never includes password or API token hashes. "
                    + "Restore it with `rapport archive import`. Audited as export.archive.",
            responses = @ApiResponse(responseCode = "200", description = "the archive",
                    content = @Content(mediaType = "application/zip",
                            schema = @Schema(type = "string", format = "binary"))))
    void download(CurrentUser user, HttpServletRequest request, HttpServletResponse response) throws IOException {
        ArchiveService.Download download = archives.download(user, request.getRemoteAddr());
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(download.filename()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        OutputStream out = response.getOutputStream();
        download.body().writeTo(out);
        out.flush();
    }
}
