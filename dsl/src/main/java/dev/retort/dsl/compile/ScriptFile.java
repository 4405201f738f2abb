package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One migration script: the name it goes by in messages and locations (its path, or {@code classpath:dir/name.groovy})
 * and where to read it from (a file, or an entry of a jar).
 */
record ScriptFile(String name, URL url) {

    /** The script's text, which must be UTF-8. */
    String read() {
        try {
            URLConnection connection = url.openConnection();
            connection.setUseCaches(false);
            byte[] bytes;
            try (InputStream in = connection.getInputStream()) {
                bytes = in.readAllBytes();
            }
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new RetortException(ErrorCode.SCRIPT, name + ":1: is not UTF-8 text");
        } catch (IOException e) {
            throw new RetortException(ErrorCode.SCRIPT, name + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
