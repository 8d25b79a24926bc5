package org.rectify.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.rectify.shared.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.rectify.shared.Hashes;

/**
 * Before and after photos, stored in PostgreSQL in the same transaction as the step they belong to, so a
 * request that fails halfway leaves neither a photo without its step nor a step without its photo.
 */
@Component
public class Photos {

    public enum Stage { BEFORE, AFTER }

    public record PhotoInfo(long id, Stage stage, String fileName, String contentType, int sizeBytes, String sha256,
            String uploadedBy, OffsetDateTime uploadedAt) {
    }

    public record PhotoContent(String fileName, String contentType, byte[] bytes, long caseId) {
    }

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final JdbcClient jdbc;
    private final int maxBytes;
    private final int maxPerSubmission;

    Photos(JdbcClient jdbc, @Value("${rectify.photos.max-bytes}") int maxBytes,
            @Value("${rectify.photos.max-per-submission}") int maxPerSubmission) {
        this.jdbc = jdbc;
        this.maxBytes = maxBytes;
        this.maxPerSubmission = maxPerSubmission;
    }

    /** Refuses anything that is not a JPEG or PNG within the size limit; names the file in the message. */
    public String checkImage(String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "照片" : fileName;
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("photo-empty", "照片“" + name + "”是空文件");
        }
        if (bytes.length > maxBytes) {
            throw DomainException.invalid("photo-too-large", "照片“" + name + "”超过 "
                    + (maxBytes / 1024 / 1024) + " MB，请压缩后重新上传");
        }
        if (startsWith(bytes, JPEG)) {
            return "image/jpeg";
        }
        if (startsWith(bytes, PNG)) {
            return "image/png";
        }
        throw DomainException.invalid("photo-not-an-image", "文件“" + name + "”不是 JPEG 或 PNG 图片");
    }

    /** Photos travel in JSON as base64; line breaks are tolerated, anything else that is not base64 is refused. */
    public static byte[] decodeBase64(String fileName, String text) {
        try {
            return java.util.Base64.getDecoder().decode(text == null ? "" : text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("photo-not-base64", "照片“" + (fileName == null ? "" : fileName)
                    + "”的内容不是有效的 Base64 编码");
        }
    }

    public void checkCount(int count) {
        if (count > maxPerSubmission) {
            throw DomainException.invalid("too-many-photos", "一次最多上传 " + maxPerSubmission + " 张照片");
        }
    }

    public long store(long caseId, Stage stage, String fileName, byte[] bytes, String uploadedBy, OffsetDateTime at) {
        String contentType = checkImage(fileName, bytes);
        String safeName = fileName == null || fileName.isBlank() ? "photo" : fileName.strip();
        if (safeName.length() > 200) {
            safeName = safeName.substring(safeName.length() - 200);
        }
        return jdbc.sql("""
                insert into photo (case_id, stage, file_name, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (:caseId, :stage, :name, :type, :size, :sha, :content, :by, :at) returning id""")
                .param("caseId", caseId).param("stage", stage.name()).param("name", safeName)
                .param("type", contentType).param("size", bytes.length).param("sha", Hashes.sha256(bytes))
                .param("content", bytes).param("by", uploadedBy).param("at", at)
                .query(Long.class).single();
    }

    public List<PhotoInfo> list(long caseId) {
        return jdbc.sql("""
                select id, stage, file_name, content_type, size_bytes, sha256, uploaded_by, uploaded_at
                from photo where case_id = :caseId order by id""")
                .param("caseId", caseId)
                .query((rs, n) -> new PhotoInfo(rs.getLong(1), Stage.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7),
                        rs.getObject(8, OffsetDateTime.class)))
                .list();
    }

    public Optional<PhotoContent> content(long photoId) {
        return jdbc.sql("select file_name, content_type, content, case_id from photo where id = :id")
                .param("id", photoId)
                .query((rs, n) -> new PhotoContent(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getLong(4)))
                .optional();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
