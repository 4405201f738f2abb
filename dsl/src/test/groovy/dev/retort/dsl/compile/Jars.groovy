package dev.retort.dsl.compile

import java.nio.ByteBuffer
import java.nio.ByteOrder
import java.nio.file.Files
import java.nio.file.Path

/** Damage done to jars on purpose, for the specs of what reading them reports. */
final class Jars {

    private Jars() {
    }

    /**
     * Overwrites the first 40 bytes of the first entry's compressed data (just past its local header), leaving the
     * jar's directory as it was: the entry is listed with its size and CRC-32, and fails when read.
     */
    static void destroyFirstEntryData(Path jar) {
        byte[] bytes = Files.readAllBytes(jar)
        def local = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN)
        int data = 30 + local.getShort(26) + local.getShort(28)
        (data..<(data + 40)).each { bytes[it] = (byte) 0xFF }
        Files.write(jar, bytes)
    }
}
