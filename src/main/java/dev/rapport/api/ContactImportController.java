package dev.rapport.api;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

import dev.rapport.api.ImportDtos.ImportReportDto;
import dev.rapport.exchange.ContactImportService;
import dev.rapport.exchange.ImportFormat;
import dev.rapport.exchange.ImportOptions;
import dev.rapport.shared.InvalidInputException;
import dev.rapport.teams.CurrentUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

@RestController
@RequestMapping("/api/v1/imports")
@Tag(name = "Import and export", description = "Contacts in from vCard and CSV files; clients out as CSV and vCard")
class ContactImportController {
    private final ContactImportService imports;
    private final DataSize maxUpload;

    ContactImportController(ContactImportService imports,
                            @Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxUpload) {
        this.imports = imports;
        this.maxUpload = maxUpload;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import contacts from a vCard or CSV file",
            description = "Multipart upload (part 'file'). vCard 2.1/3.0/4.0 and CSV (Google, Outlook or any header "
                    + "with a mapping); format, encoding and delimiter are detected. Records match existing clients "
                    + "of your team by external id (vCard UID, CSV id column), then email, then phone; a match gets "
                    + "what it lacks, a new record becomes a client. Valid records are kept and every rejected one is "
                    + "reported with its line; a file that cannot be read at all writes nothing (422). dryRun=true "
                    + "reports what would happen and writes nothing.")
    ImportReportDto importContacts(CurrentUser user, @RequestPart("file") MultipartFile file,
                                   @Parameter(description = "report only, write nothing")
                                   @RequestParam(defaultValue = "false") boolean dryRun,
                                   @Parameter(description = "CSV column mapping, e.g. \"Full Name=name,E-mail=email\"")
                                   @RequestParam(required = false) String map,
                                   @Parameter(description = "vcard or csv (default: detected)")
                                   @RequestParam(required = false) String format,
                                   @Parameter(description = "CSV delimiter: , ; or tab (default: detected)")
                                   @RequestParam(required = false) String delimiter,
                                   HttpServletRequest request) {
        ImportFormat f = format == null || format.isBlank() ? null : ImportFormat.fromCode(format)
                .orElseThrow(() -> new InvalidInputException("format", "must be vcard or csv"));
        var options = new ImportOptions(dryRun, map, f, delimiter(delimiter));
        return ImportReportDto.of(imports.importContacts(user, file, file.getOriginalFilename(), options,
                request.getRemoteAddr()));
    }

    static Character delimiter(String raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        if (raw.equalsIgnoreCase("tab") || raw.equals("\t") || raw.equals("\\t")) {
            return '\t';
        }
        if (raw.length() != 1) {
            throw new InvalidInputException("delimiter", "must be , ; or tab");
        }
        return raw.charAt(0);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                "the file is larger than the upload limit of " + human(maxUpload)
                        + " (RAPPORT_MAX_UPLOAD); split it, or ask the server's administrator to raise the limit");
        pd.setTitle("File too large");
        return pd;
    }

    static String human(DataSize size) {
        long mb = size.toMegabytes();
        return mb > 0 ? mb + " MB" : size.toKilobytes() + " KB";
    }
}
