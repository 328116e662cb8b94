package net.defarm.bootstrap;

import java.nio.file.Path;

/** Test access to the package-private commands of {@link Main}. */
public final class MainProbe {

    private MainProbe() {
    }

    public static int export(ServiceSettings settings, String target) {
        return Main.export(settings, target);
    }

    public static int importFile(ServiceSettings settings, Path file) {
        return Main.importFile(settings, file);
    }
}
