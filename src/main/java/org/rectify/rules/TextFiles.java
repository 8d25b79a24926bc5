package org.rectify.rules;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text as the campaign office's programs save it: UTF-8 with or without the byte-order mark that Excel
 * writes, or GB18030 (the "ANSI" CSV of Chinese Windows, Excel's and WPS's default).
 */
final class TextFiles {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private TextFiles() {
    }

    static String decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, GB18030);
        }
    }

    /** The same text as UTF-8 without a byte-order mark, line ends as they were. */
    static byte[] toUtf8(byte[] bytes) {
        return decode(bytes).getBytes(StandardCharsets.UTF_8);
    }
}
