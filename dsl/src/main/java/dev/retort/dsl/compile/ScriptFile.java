package dev.retort.dsl.compile;

import dev.retort.api.ErrorCode;
import dev.retort.api.RetortException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * One migration script: the name it goes by in messages and locations (its path, or {@code classpath:dir/name.groovy})
 * and where to read it from: a file ({@code path}, with its {@code stamp} as listed), or an entry of a jar ({@code url},
 * with a null path and stamp).
 */
record ScriptFile(String name, URL url, Path path, HeaderIndex.Stamp stamp) {

    /** A file in a folder, with the stamp its listing gave. */
    static ScriptFile inFolder(String name, Path path, HeaderIndex.Stamp stamp) {
        return new ScriptFile(name, null, path, stamp);
    }

    static ScriptFile at(String name, URL url) {
        return new ScriptFile(name, url, null, null);
    }

    /** The script's text, which must be UTF-8. */
    String read() {
        try {
            byte[] bytes = bytes();
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.indexOf('\uFFFD') < 0) {
                return text; // the lenient decoder replaced nothing, so the text is valid (and this is much cheaper)
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

    private byte[] bytes() throws IOException {
        if (path != null) {
            return Files.readAllBytes(path);
        }
        URLConnection connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
