package nl.jeugdspiegel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Contract v1.3 §3: what a killed process left (a BSN in a CSV of reconstructed trajectories) is gone when the next
 * process starts; a live process's folder is left alone; two processes never share one.
 */
class ScratchSpaceTest {

    @TempDir
    Path temp;

    private Path leftover(String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve(name).resolve("ingest-123"));
        Files.writeString(dir.resolve("trajecten-uit-berichten.csv"), "bsn;geboortedatum\n999900006;2012-03-04\n");
        return temp.resolve(name);
    }

    @Test
    void theFoldersOfEndedProcessesAreSweptAndLiveOnesKept() throws IOException {
        long self = ProcessHandle.current().pid();
        long parent = ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(1L);
        Process ended = new ProcessBuilder("true").start();
        long deadPid = ended.pid();
        ended.onExit().join();
        Path dead = leftover(ScratchSpace.PREFIX + deadPid + "-0a0b0c0d");
        Path samePidEarlierJvm = leftover(ScratchSpace.PREFIX + self + "-11111111");
        Path live = leftover(ScratchSpace.PREFIX + parent + "-22222222");
        Path legacyWork = leftover("jeugdspiegel-ingest-4711");
        Path legacyCache = leftover("jeugdspiegel-indicators");
        Path other = leftover("someone-else");
        Path own = Files.createDirectories(temp.resolve(ScratchSpace.PREFIX + self + "-33333333"));

        assertEquals(4, ScratchSpace.sweep(temp, own, self));
        assertFalse(Files.exists(dead), "a killed process's BSNs");
        assertFalse(Files.exists(samePidEarlierJvm), "an earlier JVM in the same sandbox, with the same pid");
        assertFalse(Files.exists(legacyWork));
        assertFalse(Files.exists(legacyCache));
        assertTrue(Files.exists(live), "a process that is still running");
        assertTrue(Files.exists(other), "not ours");
        assertTrue(Files.exists(own));
    }

    @Test
    void aWorkFolderLivesInThisProcesssOwnFolderAndIsRemovedWhole() throws IOException {
        Path a = ScratchSpace.workFolder("ingest");
        Path b = ScratchSpace.workFolder("ingest");
        assertNotEquals(a, b);
        assertEquals(ScratchSpace.processFolder(), a.getParent());
        assertTrue(a.getParent()
                .getFileName()
                .toString()
                .startsWith(ScratchSpace.PREFIX + ProcessHandle.current().pid() + "-"));
        Files.writeString(Files.createDirectories(a.resolve("x")).resolve("berichtfeiten-0.bin"), "999900006");
        ScratchSpace.delete(a);
        assertFalse(Files.exists(a));
        ScratchSpace.delete(b);
    }

    @Test
    void thePidIsReadFromTheFolderName() {
        assertEquals(Optional.of(4711L), ScratchSpace.pid("jeugdspiegel-p4711-0a0b0c0d"));
        assertEquals(Optional.empty(), ScratchSpace.pid("jeugdspiegel-pXY-0a0b0c0d"));
        assertEquals(Optional.empty(), ScratchSpace.pid("jeugdspiegel-indicators"));
    }
}
