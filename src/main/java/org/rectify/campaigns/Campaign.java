package org.rectify.campaigns;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.rectify.cases.Deadlines;

/** A campaign as stored. */
public record Campaign(long id, String name, SourceLevel sourceLevel, LocalDate startsOn, OffsetDateTime clearanceAt,
        List<String> categoryCodes, List<String> streetCodes, String owner, String description,
        String processInstanceId, String createdBy, OffsetDateTime createdAt, OffsetDateTime escalatedAt) {

    /** The clearance date as pages write it. */
    public String clearanceText() {
        return Deadlines.format(clearanceAt);
    }
}
