package net.defarm.adapters.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import net.defarm.application.evidence.ContentIntegrityException;
import net.defarm.application.evidence.ContentStore;
import net.defarm.domain.evidence.Cid;

/**
 * Blobs as files under one directory: {@code <dir>/<last two characters of the CID>/<CID>} (the layout Kubo's flatfs
 * uses, so no directory grows too large). A file is written under a temporary name and moved into place, so a reader
 * never sees half a blob; every read re-hashes the file. One machine's disk: for several instances use the
 * database or IPFS.
 */
public final class DiskContentStore implements ContentStore {

    private final Path root;

    public DiskContentStore(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("content directory " + root + " cannot be created", e);
        }
    }

    Path pathOf(Cid cid) {
        String v = cid.value();
        return root.resolve(v.substring(v.length() - 2)).resolve(v);
    }

    @Override
    public Cid put(byte[] bytes) {
        Cid.requireOneBlock(bytes);
        Cid cid = Cid.of(bytes);
        Path target = pathOf(cid);
        if (Files.exists(target)) {
            return cid;
        }
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".put-", ".tmp");
            try {
                Files.write(temp, bytes);
                move(temp, target);
            } finally {
                Files.deleteIfExists(temp);
            }
            return cid;
        } catch (IOException e) {
            throw new UncheckedIOException("content " + cid + " cannot be written under " + root, e);
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            // Another writer stored the same bytes first: same name, same content.
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Override
    public Optional<byte[]> get(Cid cid) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(pathOf(cid));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("content " + cid + " cannot be read under " + root, e);
        }
        if (!cid.matches(bytes)) {
            throw new ContentIntegrityException(cid, "file " + pathOf(cid));
        }
        return Optional.of(bytes);
    }

    @Override
    public boolean has(Cid cid) {
        return Files.isRegularFile(pathOf(cid));
    }

    @Override
    public boolean pin(Cid cid) {
        // Nothing collects files here: a stored blob is kept until someone deletes it.
        return has(cid);
    }

    @Override
    public String kind() {
        return "disk";
    }
}
