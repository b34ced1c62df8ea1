package dev.rapport.web;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;

import dev.rapport.attention.AttentionService;
import dev.rapport.attention.QueueEntry;
import dev.rapport.attention.ReasonCode;
import dev.rapport.clients.Client;
import dev.rapport.clients.ClientService;
import dev.rapport.exchange.ClientExportService;
import dev.rapport.exchange.ContactImportService;
import dev.rapport.exchange.ExportFormat;
import dev.rapport.exchange.ImportOptions;
import dev.rapport.exchange.ImportReport;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.shared.Page;
import dev.rapport.teams.CurrentUser;
import dev.rapport.teams.CurrentUserResolver;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Import contacts from a vCard or CSV file (preview first, then import) and download clients as CSV or
 * vCard, filtered like the client list. The upload's result is rendered in the POST's answer rather
 * than redirected: a report can list thousands of rejected lines, which do not belong in the session,
 * and sending the same file again is harmless because imports never duplicate.
 */
@Controller
class ImportExportPage {
    /** The web page lists this many rejected lines; the CLI and API list all of them. */
    static final int SHOWN_REJECTIONS = 200;

    private final ContactImportService imports;
    private final ClientExportService exports;
    private final ClientService clients;
    private final AttentionService attention;
    private final CurrentUserResolver users;
    private final DataSize maxUpload;
    private final Clock clock;

    ImportExportPage(ContactImportService imports, ClientExportService exports, ClientService clients,
                     AttentionService attention, CurrentUserResolver users,
                     @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload, Clock clock) {
        this.users = users;
        this.imports = imports;
        this.exports = exports;
        this.clients = clients;
        this.attention = attention;
        this.maxUpload = maxUpload;
        this.clock = clock;
    }

    @GetMapping("/clients/import")
    String page(CurrentUser user, Model model) {
        return page(model, null, null, null);
    }

    @PostMapping("/clients/import")
    ModelAndView upload(CurrentUser user, @RequestParam(name = "file", required = false) MultipartFile file,
                        @RequestParam(defaultValue = "false") boolean dryRun,
                        @RequestParam(required = false) String map, HttpServletRequest request, Model model) {
        user.requireWriter();
        if (file == null || file.isEmpty() && (file.getOriginalFilename() == null
                || file.getOriginalFilename().isBlank())) {
            return view(model, HttpStatus.UNPROCESSABLE_CONTENT, null, map, "Choose a vCard (.vcf) or CSV file first.");
        }
        try {
            ImportReport report = imports.importContacts(user, file, file.getOriginalFilename(),
                    new ImportOptions(dryRun, map, null, null), request.getRemoteAddr());
            return view(model, HttpStatus.OK, report, map, null);
        } catch (InvalidInputException e) {
            String reason = e.problems().stream()
                    .map(p -> (p.field().equals("file") ? "The file " : "The column mapping ") + p.reason())
                    .reduce((a, b) -> a + " " + b).orElse("The file cannot be imported.");
            return view(model, HttpStatus.UNPROCESSABLE_CONTENT, null, map, reason + ". Nothing was imported.");
        }
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(Model model) {
        // exception handlers get an empty model: who is signed in is added here, as WebAdvice does
        model.addAttribute("me", Viewer.of(users.current()));
        return view(model, HttpStatus.CONTENT_TOO_LARGE, null, null, "The file is larger than the upload limit of "
                + human(maxUpload) + ". Split it into smaller files (each can be imported on its own), or ask your "
                + "administrator to raise the limit. Nothing was imported.");
    }

    @GetMapping("/clients/export.csv")
    void csv(CurrentUser user, @ModelAttribute("filter") ClientFilter filter, HttpServletRequest request,
             HttpServletResponse response) throws IOException {
        export(user, ExportFormat.CSV, filter, request, response);
    }

    @GetMapping("/clients/export.vcf")
    void vcard(CurrentUser user, @ModelAttribute("filter") ClientFilter filter, HttpServletRequest request,
               HttpServletResponse response) throws IOException {
        export(user, ExportFormat.VCARD, filter, request, response);
    }

    /** The same clients the list shows for these filters: "overdue only" comes from the queue, like the list. */
    private void export(CurrentUser user, ExportFormat format, ClientFilter filter, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        response.setContentType(format.mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"clients-" + user.today(clock)
                + "." + format.extension() + "\"");
        if (filter.overdueOnly()) {
            List<Client> overdue = attention.queue(user, null).entries().stream()
                    .filter(e -> e.has(ReasonCode.OVERDUE)).map(QueueEntry::clientId).map(id -> clients.get(user, id))
                    .filter(filter.matcher()).sorted(filter.comparator()).toList();
            Function<String, Page<Client>> single = cursor -> new Page<>(overdue, null);
            exports.export(user, format, single, "overdue only", response.getOutputStream(), request.getRemoteAddr());
        } else {
            exports.export(user, format, filter.query(), response.getOutputStream(), request.getRemoteAddr());
        }
    }

    private ModelAndView view(Model model, HttpStatus status, ImportReport report, String map, String problem) {
        ModelAndView mav = new ModelAndView(page(model, report, map, problem), status);
        mav.addAllObjects(model.asMap());
        return mav;
    }

    private String page(Model model, ImportReport report, String map, String problem) {
        model.addAttribute("report", report);
        model.addAttribute("rejections", report == null ? List.of()
                : report.rejections().stream().limit(SHOWN_REJECTIONS).toList());
        model.addAttribute("moreRejections", report == null ? 0
                : Math.max(0, report.rejections().size() - SHOWN_REJECTIONS));
        model.addAttribute("map", map);
        model.addAttribute("problem", problem);
        model.addAttribute("maxUpload", human(maxUpload));
        return "clients-import";
    }

    static String human(DataSize size) {
        long mb = size.toMegabytes();
        return mb > 0 ? mb + " MB" : size.toKilobytes() + " KB";
    }
}
